package dev.signoff.logout;

import dev.signoff.session.SessionBinding;
import dev.signoff.session.Terminator;

import java.util.Optional;

/** Ends the caller's registry session (if it has one): on every node, within the staleness bound. */
final class RevokeCurrent implements LogoutStep {
    private final Terminator terminator;

    RevokeCurrent(Terminator terminator) {
        this.terminator = terminator;
    }

    @Override
    public void run(Leaving leaving) {
        leaving.binding().ifPresent(b -> revoke(leaving, b));
    }

    private void revoke(Leaving leaving, SessionBinding b) {
        var ending = terminator.end(b.handle(), Optional.of(b.digest()), leaving.reason(), leaving.request().getRemoteAddr());
        leaving.revoked(ending.ended(), ending.pending());
    }
}
