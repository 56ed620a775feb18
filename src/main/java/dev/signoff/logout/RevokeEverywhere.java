package dev.signoff.logout;

import dev.signoff.session.Bindings;
import dev.signoff.session.Ending;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.Terminator;

import java.util.Optional;

/**
 * Ends all the caller's registry sessions on every device, or all but the caller's own ("log out
 * everywhere else"). An anonymous caller ends nothing. When the registry cannot be reached, the
 * end is queued and this node refuses the caller's own session at once, unless it is kept.
 */
final class RevokeEverywhere implements LogoutStep {
    private final Terminator terminator;
    private final boolean keepCurrent;

    RevokeEverywhere(Terminator terminator, boolean keepCurrent) {
        this.terminator = terminator;
        this.keepCurrent = keepCurrent;
    }

    @Override
    public void run(Leaving leaving) {
        leaving.user().ifPresent(user -> revoke(leaving, user));
    }

    private void revoke(Leaving leaving, String user) {
        Optional<String> keep = keepCurrent ? Bindings.currentOf(leaving.request(), user) : Optional.empty();
        Ending ending = terminator.endAll(user, keep, leaving.settings().ends().logOutEverywhere(), leaving.reason(),
                leaving.request().getRemoteAddr());
        leaving.revoked(ending.ended(), ending.pending());
        if (ending.pending() && !keepCurrent) {
            leaving.binding().map(SessionBinding::digest).ifPresent(d -> terminator.refuseHere(d, leaving.reason()));
        }
    }
}
