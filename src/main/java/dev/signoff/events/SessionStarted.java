package dev.signoff.events;

import java.time.Instant;

/**
 * Fired by SignOff after a session was recorded in the registry. Observe it with
 * {@code void onStart(@Observes SessionStarted event)}.
 *
 * @param user      the user
 * @param handle    the session's public handle (safe to show; never the token)
 * @param purpose   what kind of session, e.g. {@code session}
 * @param ip        the client address the session started from
 * @param startedAt when
 */
public record SessionStarted(String user, String handle, String purpose, String ip, Instant startedAt) {
}
