package dev.signoff.registry;

import dev.signoff.events.Purpose;

/**
 * What the registry stores for a new session. Times are epoch milliseconds.
 *
 * @param handle            public handle
 * @param tokenDigest       SHA-256 of the token
 * @param user              user name
 * @param purpose           kind of session
 * @param now               start time
 * @param idleExpiresAt     idle expiry as of the start
 * @param absoluteExpiresAt absolute expiry
 * @param ip                client address
 * @param userAgent         User-Agent header, cut to 512 characters
 */
public record NewSession(String handle, String tokenDigest, String user, Purpose purpose, long now,
                         long idleExpiresAt, long absoluteExpiresAt, String ip, String userAgent) {
    /** The width of the {@code USER_AGENT} column. */
    public static final int MAX_USER_AGENT = 512;

    public NewSession {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        ip = cut(ip);
    }

    /** A client address cut to the width of the {@code IP} columns. */
    static String cut(String ip) {
        return ip == null ? null : ip.substring(0, Math.min(ip.length(), 64));
    }
}
