package dev.signoff.api;

import dev.signoff.SessionInfo;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/**
 * One session as the API shows it (the contract's shape): never the token, its digest or the user
 * name. Instants are ISO-8601; a missing IP or User-Agent is {@code null}, not left out.
 */
@JsonbNillable
@JsonbPropertyOrder({"handle", "current", "purpose", "createdAt", "lastSeenAt", "expiresAt", "ip", "userAgent", "device"})
public record SessionView(String handle, boolean current, String purpose, Instant createdAt, Instant lastSeenAt,
                          Instant expiresAt, String ip, String userAgent, String device) {

    static SessionView of(SessionInfo s) {
        return new SessionView(s.handle(), s.current(), s.purpose(), s.createdAt(), s.lastSeenAt(), s.expiresAt(),
                s.ip(), s.userAgent(), s.device());
    }
}
