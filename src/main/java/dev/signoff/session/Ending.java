package dev.signoff.session;

import java.util.Optional;

/**
 * What asking the {@link Terminator} to end sessions came to.
 *
 * @param ended   how many sessions this call ended now
 * @param failure why the registry could not be reached, if it could not: the end is queued
 *                ({@link PendingEnds}) and applied when it answers again; this node refuses the
 *                session meanwhile, if its digest is known
 */
public record Ending(int ended, Optional<RuntimeException> failure) {
    static final Ending NONE = new Ending(0, Optional.empty());

    /** An end this call made (or found made already). */
    public static Ending of(int ended) {
        return new Ending(ended, Optional.empty());
    }

    /** An end queued because the registry failed with {@code e}. */
    public static Ending queued(RuntimeException e) {
        return new Ending(0, Optional.of(e));
    }

    /** Whether the end waits for the registry. */
    public boolean pending() {
        return failure.isPresent();
    }
}
