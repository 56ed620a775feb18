package dev.signoff.registry;

import dev.signoff.events.EndReason;

import dev.signoff.events.Purpose;
import java.time.Instant;
import java.util.Optional;

/**
 * An immutable copy of a registry row, detached from JPA. Times are epoch milliseconds.
 *
 * @param handle            public handle
 * @param tokenDigest       SHA-256 of the token (never the token)
 * @param user              user name
 * @param purpose           kind of session
 * @param createdAt         start
 * @param lastSeenAt        last request seen (minute granularity)
 * @param idleExpiresAt     end by idle timeout, as of {@code lastSeenAt}
 * @param absoluteExpiresAt end by absolute lifetime
 * @param revokedAt         when it was ended, or null
 * @param endReason         why it was ended, or null
 * @param ip                client address at start
 * @param userAgent         User-Agent at start
 * @param device            short description of the device, e.g. "Firefox on Linux"
 */
public record SessionSnapshot(String handle, String tokenDigest, String user, Purpose purpose, long createdAt,
                              long lastSeenAt, long idleExpiresAt, long absoluteExpiresAt, Long revokedAt,
                              EndReason endReason, String ip, String userAgent, String device) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public Instant created() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Instant lastSeen() {
        return Instant.ofEpochMilli(lastSeenAt);
    }

    /** The earlier of the idle and the absolute expiry. */
    public Instant expires() {
        return Instant.ofEpochMilli(Math.min(idleExpiresAt, absoluteExpiresAt));
    }

    public Optional<EndReason> reason() {
        return Optional.ofNullable(endReason);
    }
}
