package dev.signoff.registry;

import dev.signoff.events.EndReason;

/**
 * Why, when and from where sessions are being ended: what every revoked row and its audit line record.
 *
 * @param reason why
 * @param at     when, epoch milliseconds
 * @param ip     the client address that asked, or {@code null} when nobody did (expiry, retries)
 */
public record Revocation(EndReason reason, long at, String ip) {
    public Revocation {
        ip = NewSession.cut(ip);
    }
}
