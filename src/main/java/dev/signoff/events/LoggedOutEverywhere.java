package dev.signoff.events;

import java.util.Optional;

/**
 * Fired by SignOff after a "log out everywhere" for a user: the route, the API, an admin or a
 * credential change. {@link SessionEnded} is fired for each session as well.
 *
 * <pre>{@code
 * void onEverywhere(@Observes LoggedOutEverywhere e) {
 *     mailer.send(e.user(), e.count() + " devices were signed out");
 * }
 * }</pre>
 *
 * @param user       the user
 * @param count      how many live sessions were ended
 * @param reason     why
 * @param keptHandle the handle of the session that was kept, if one was
 */
public record LoggedOutEverywhere(String user, int count, EndReason reason, Optional<String> keptHandle) {
}
