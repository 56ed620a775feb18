package dev.signoff.config;

import java.time.Duration;

/**
 * How the registry forgets: ended and expired sessions, and audit rows, are deleted after their
 * retention by a task each node runs every {@code interval}, {@code batchSize} rows per transaction.
 *
 * @param retention      how long a session row is kept after it ended (revoked) or expired
 * @param auditRetention how long an audit row is kept; zero keeps them forever
 * @param interval       time between two purges on this node; zero: this node never purges
 * @param batchSize      rows deleted per transaction
 */
public record PurgeSettings(Duration retention, Duration auditRetention, Duration interval, int batchSize) {
    /**
     * The shortest retention allowed. Other nodes learn of a revocation by reading revoked rows of
     * the last minute or so (the feed's overlap): a revoked row must outlive that by a margin, or a
     * node could miss the revocation until its cache's backstop reload.
     */
    public static final Duration MIN_RETENTION = Duration.ofMinutes(10);

    /** Whether this node purges at all. */
    public boolean enabled() {
        return !interval.isZero();
    }
}
