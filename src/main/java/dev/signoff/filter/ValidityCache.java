package dev.signoff.filter;

import dev.signoff.events.EndReason;
import dev.signoff.registry.SessionSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * A node's view of the registry, so that a request costs a map lookup, not a database statement.
 * <ul>
 * <li>An entry older than the staleness bound is reloaded before it is trusted: a revocation made
 *     on another node is seen within that bound (0: every check reads the registry).</li>
 * <li>A revocation made on this node ({@link #markRevoked}) is seen at once, and is sticky: a
 *     reload that raced with it can never turn the entry live again.</li>
 * <li>Last-seen times are kept here and written to the registry at most once per interval per
 *     session, with a conditional update that cannot revive a revoked row.</li>
 * </ul>
 * Plain Java (no container), so it is unit-tested with a fixed clock and benchmarked with JMH.
 */
public final class ValidityCache {

    /** Where the cache reads and writes the registry. */
    public interface Store {
        /** The row with this token digest; may throw when the database is unavailable. */
        Optional<SessionSnapshot> load(String digest);

        /** Moves last seen forward; false when the row is revoked or unknown. */
        boolean touch(String handle, long now, long idleExpiresAt);
    }

    private static final long TOMBSTONE_MILLIS = 120_000;
    private static final int SWEEP_EVERY = 4096;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Store store;
    private final Clock clock;
    private final long stalenessMillis;
    private final long idleMillis;
    private final long lastSeenIntervalMillis;
    private int checksSinceSweep;

    public ValidityCache(Store store, Clock clock, Duration staleness, Duration idleTimeout, Duration lastSeenInterval) {
        this.store = store;
        this.clock = clock;
        this.stalenessMillis = staleness.toMillis();
        this.idleMillis = idleTimeout.toMillis();
        this.lastSeenIntervalMillis = lastSeenInterval.toMillis();
    }

    /** Checks the session with this token digest and records the request as activity if it is live. */
    public Verdict check(String digest) {
        long now = clock.millis();
        Entry e = entries.get(digest);
        if (e == null || (!e.revoked && now - e.loadedAt >= stalenessMillis)) {
            e = reload(digest, now);
        }
        if (e == null) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = judge(e, now);
        if (verdict.live() && !recordActivity(digest, e, now)) {
            verdict = Verdict.dead(EndReason.LOGOUT);
        }
        if (++checksSinceSweep >= SWEEP_EVERY) {
            checksSinceSweep = 0;
            sweep(now);
        }
        return verdict;
    }

    private Verdict judge(Entry e, long now) {
        if (e.revoked) {
            return Verdict.dead(e.reason == null ? EndReason.LOGOUT : e.reason);
        }
        if (now >= e.absoluteExpiresAt) {
            return Verdict.dead(EndReason.ABSOLUTE_TIMEOUT);
        }
        if (now - e.lastSeen >= idleMillis) {
            return Verdict.dead(EndReason.IDLE_TIMEOUT);
        }
        return Verdict.LIVE;
    }

    /** Returns false when the registry says, on a last-seen write, that the session is gone. */
    private boolean recordActivity(String digest, Entry e, long now) {
        if (now > e.lastSeen) {
            e.lastSeen = now;
        }
        long written = e.lastWritten;
        if (now - written >= lastSeenIntervalMillis && LAST_WRITTEN.compareAndSet(e, written, now)
                && !store.touch(e.handle, now, now + idleMillis)) {
            markRevoked(digest, null);
            return false;
        }
        return true;
    }

    private Entry reload(String digest, long now) {
        Optional<SessionSnapshot> loaded = store.load(digest);
        if (loaded.isEmpty()) {
            Entry existing = entries.get(digest);
            return existing != null && existing.revoked ? existing : null;
        }
        SessionSnapshot s = loaded.get();
        return entries.compute(digest, (key, old) -> {
            if (old != null && old.revoked) {
                return old;
            }
            Entry fresh = new Entry(s, now);
            if (old != null) {
                fresh.lastSeen = Math.max(fresh.lastSeen, old.lastSeen);
                fresh.lastWritten = Math.max(fresh.lastWritten, old.lastWritten);
            }
            return fresh;
        });
    }

    /**
     * Marks a session ended on this node, at once. Sticky: later reloads keep it ended.
     *
     * @param reason why; null when not known here (the registry has it)
     */
    public void markRevoked(String digest, EndReason reason) {
        long now = clock.millis();
        entries.compute(digest, (key, old) -> {
            if (old != null && old.revoked) {
                return old;
            }
            return Entry.tombstone(old == null ? null : old.handle, reason, now);
        });
    }

    /** Forgets a session entirely (its HttpSession is gone on this node). Tombstones stay. */
    public void forget(String digest) {
        entries.computeIfPresent(digest, (key, old) -> old.revoked ? old : null);
    }

    /** Number of cached entries, tombstones included. */
    public int size() {
        return entries.size();
    }

    private void sweep(long now) {
        entries.values().removeIf(e -> e.revoked
                ? now - e.loadedAt > TOMBSTONE_MILLIS
                : now - e.lastSeen > idleMillis + TOMBSTONE_MILLIS);
    }

    private static final AtomicLongFieldUpdater<Entry> LAST_WRITTEN =
            AtomicLongFieldUpdater.newUpdater(Entry.class, "lastWritten");

    private static final class Entry {
        final String handle;
        final long absoluteExpiresAt;
        final boolean revoked;
        final EndReason reason;
        final long loadedAt;
        volatile long lastSeen;
        volatile long lastWritten;

        Entry(SessionSnapshot s, long now) {
            this.handle = s.handle();
            this.absoluteExpiresAt = s.absoluteExpiresAt();
            this.revoked = s.revoked();
            this.reason = s.endReason();
            this.loadedAt = now;
            this.lastSeen = s.lastSeenAt();
            this.lastWritten = s.lastSeenAt();
        }

        private Entry(String handle, EndReason reason, long now) {
            this.handle = handle;
            this.absoluteExpiresAt = now;
            this.revoked = true;
            this.reason = reason;
            this.loadedAt = now;
            this.lastSeen = now;
            this.lastWritten = now;
        }

        static Entry tombstone(String handle, EndReason reason, long now) {
            return new Entry(handle, reason, now);
        }
    }
}
