package dev.signoff.session;

import dev.signoff.events.EndReason;

import java.util.Optional;

/**
 * The result of checking a session: alive, or dead with the reason (empty reason: the registry
 * does not know the session at all, which is treated as dead).
 *
 * @param live   whether requests of this session may proceed
 * @param reason why it is dead
 */
public record Verdict(boolean live, Optional<EndReason> reason) {
    /** The one live verdict; the hot path allocates nothing. */
    public static final Verdict LIVE = new Verdict(true, Optional.empty());
    /** No registry row for the session. */
    public static final Verdict UNKNOWN = new Verdict(false, Optional.empty());

    /**
     * The reason, when the session is dead because it outlived its idle or absolute lifetime: an end
     * the registry does not know yet (the row only shows the expiry), to be recorded.
     */
    public Optional<EndReason> expiry() {
        return reason.filter(r -> r == EndReason.IDLE_TIMEOUT || r == EndReason.ABSOLUTE_TIMEOUT);
    }

    /** A dead verdict with its reason. */
    public static Verdict dead(EndReason reason) {
        return new Verdict(false, Optional.of(reason));
    }
}
