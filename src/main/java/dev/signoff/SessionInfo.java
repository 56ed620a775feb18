package dev.signoff;

import dev.signoff.registry.DeviceNames;
import dev.signoff.registry.SessionSnapshot;

import java.time.Instant;

/**
 * A live session as the API shows it: public handle and metadata, never the token or its digest.
 *
 * <pre>{@code
 * for (SessionInfo s : signOff.list(request)) {
 *     out.println(s.device() + " since " + s.createdAt() + (s.current() ? " (this one)" : ""));
 * }
 * signOff.logOut(user, chosen.handle());   // end one of them
 * }</pre>
 *
 * @param handle     public handle, used to end the session
 * @param user       user name
 * @param purpose    {@code session}, {@code remember_me}, {@code refresh} or {@code bearer}
 * @param createdAt  when it started
 * @param lastSeenAt last activity (minute granularity)
 * @param expiresAt  when it ends unless used (the earlier of idle and absolute expiry)
 * @param ip         client address at start
 * @param userAgent  User-Agent at start
 * @param current    whether it is the caller's own session
 * @param device     short description of the device, e.g. "Firefox on Linux" (made from the User-Agent at start)
 */
public record SessionInfo(String handle, String user, String purpose, Instant createdAt, Instant lastSeenAt,
                          Instant expiresAt, String ip, String userAgent, boolean current, String device) {

    static SessionInfo of(SessionSnapshot s, boolean current) {
        return new SessionInfo(s.handle(), s.user(), s.purpose().code(), s.created(), s.lastSeen(), s.expires(),
                s.ip(), s.userAgent(), current, s.device() == null ? DeviceNames.UNKNOWN : s.device());
    }
}
