package dev.signoff.tokens;

import java.util.Optional;

/**
 * What presenting a refresh token came to.
 *
 * <pre>{@code
 * Refresh r = refreshTokens.refresh(presented, request);
 * if (r.rotated()) { RefreshToken next = r.next().orElseThrow(); ... } else { answer 401 r.outcome().code() }
 * }</pre>
 *
 * @param outcome what happened
 * @param next    the family's next token, only when {@link Outcome#ROTATED}
 */
public record Refresh(Outcome outcome, Optional<RefreshToken> next) {

    /** What happened to a presented refresh token. */
    public enum Outcome {
        /** It was the family's current token: spent now, {@link Refresh#next()} replaces it. */
        ROTATED,
        /**
         * It was the token just replaced, within the grace window (a retried request, a second tab):
         * refused, nothing else changes; the client should use the newest token it has.
         */
        SUPERSEDED,
        /** It had been spent before: someone else holds a copy; its family is ended (reason refresh_reuse). */
        REUSED,
        /** Its family has ended (logged out, revoked, expired). */
        ENDED,
        /** Not a refresh token SignOff issued (or one purged long after its family ended). */
        UNKNOWN;

        /** The lower-case name, e.g. for a JSON error: {@code refresh_superseded}. */
        public String code() {
            return this == ROTATED ? "rotated" : "refresh_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Refresh rotated(RefreshToken next) {
        return new Refresh(Outcome.ROTATED, Optional.of(next));
    }

    static Refresh refused(Outcome outcome) {
        return new Refresh(outcome, Optional.empty());
    }

    /** Whether a new token was issued. */
    public boolean rotated() {
        return outcome == Outcome.ROTATED;
    }
}
