package dev.signoff.events;

import java.time.Instant;

/**
 * Fired by SignOff once for every session it ended, after the end was stored.
 *
 * <pre>{@code
 * void onEnded(@Observes SessionEnded e) {
 *     audit.log(e.user(), "signed out", e.reason().code(), e.endedAt());
 * }
 * }</pre>
 * An observer that throws is logged and does not undo the end.
 *
 * @param user    the user
 * @param handle  the session's public handle
 * @param reason  why it ended
 * @param endedAt when
 */
public record SessionEnded(String user, String handle, EndReason reason, Instant endedAt) {
}
