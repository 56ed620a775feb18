package dev.signoff.session;

import dev.signoff.events.EndReason;
import dev.signoff.registry.SessionSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * A node's view of the registry, so that a request costs a map lookup, not a database statement.
 * <ul>
 * <li>Revocations made on other nodes arrive through a node-wide feed: at most once per staleness
 *     interval, the first check that finds the feed older than that reads the revocations since the
 *     last read (one query per node, not per session or request), and every check waits for a
 *     feed that is fresh enough. A revocation made anywhere is so seen within the bound. The read
 *     overlaps the previous one by a minute, so clock skew between nodes below that loses nothing;
 *     each entry is also re-read from the registry at least once a minute as a backstop.
 *     Staleness 0: every check reads the session's row.</li>
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

        /** Token digests, with reasons, of the sessions revoked at or after {@code since} by any node. */
        Map<String, EndReason> revokedSince(long since);
    }

    /**
     * The settings the cache keeps time by.
     *
     * @param staleness        how old an answer may be ({@code signoff.staleness}); zero asks the store every time
     * @param idleTimeout      {@code signoff.idle-timeout}
     * @param lastSeenInterval how often activity is written ({@code signoff.last-seen-interval})
     */
    public record Timing(Duration staleness, Duration idleTimeout, Duration lastSeenInterval, boolean servesKnownWhenDown) {
        public Timing(Duration staleness, Duration idleTimeout, Duration lastSeenInterval) {
            this(staleness, idleTimeout, lastSeenInterval, false);
        }
    }

    static final long BACKSTOP_MILLIS = 60_000;
    static final long FEED_OVERLAP_MILLIS = 60_000;
    /** Announcements coming thick and fast (many logouts a second) cost at most one feed read per this many ms. */
    static final long ANNOUNCED_READ_GAP_MILLIS = 10;
    private static final long TOMBSTONE_MILLIS = 120_000;
    private static final long SWEEP_INTERVAL_MILLIS = 60_000;
    private static final long NEVER = Long.MIN_VALUE / 4;
    /**
     * A slow database must not hold every request thread: at most this many wait on the store at
     * once (half the registry's pool of 16), and none waits longer than {@link #WAIT_MILLIS} for its
     * turn; the rest are refused as when the database is down. Healthy, the store answers in about a
     * millisecond and the cache answers nearly every check: the limits are never met.
     */
    static final int STORE_CALLS = 8;
    static final long WAIT_MILLIS = 250;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Store store;
    private final Clock clock;
    private final long stalenessMillis;
    private final long idleMillis;
    private final long lastSeenIntervalMillis;
    private final long reloadAfterMillis;
    private final boolean servesKnownWhenDown;
    /** One feed read at a time; the others wait for it, but not for long ({@link #WAIT_MILLIS}). */
    private final ReentrantLock feedLock = new ReentrantLock();
    /** Request threads reading or writing a session's row at once ({@link #STORE_CALLS}). */
    private final Semaphore storeCalls = new Semaphore(STORE_CALLS);
    private volatile long feedReadAt = NEVER;
    /** Set when another node announced a revocation (LISTEN/NOTIFY): the next check reads the feed. */
    private volatile boolean feedStale;
    private volatile long sweptAt;

    public ValidityCache(Store store, Clock clock, Timing timing) {
        this.store = store;
        this.clock = clock;
        this.stalenessMillis = timing.staleness().toMillis();
        this.idleMillis = timing.idleTimeout().toMillis();
        this.lastSeenIntervalMillis = timing.lastSeenInterval().toMillis();
        this.reloadAfterMillis = stalenessMillis == 0 ? 0 : Math.max(stalenessMillis, BACKSTOP_MILLIS);
        this.servesKnownWhenDown = timing.servesKnownWhenDown();
        this.sweptAt = clock.millis();
    }

    /** Checks the session with this token digest and records the request as activity if it is live. */
    public Verdict check(String digest) {
        return check(digest, true);
    }

    /**
     * Checks the session with this token digest like {@link #check}, with the same feed and
     * reload rules, but without counting it as activity: for requests the user did not make
     * (a page's open event stream, a periodic check of subscribed sessions), which must not keep
     * an idle session alive.
     */
    public Verdict peek(String digest) {
        return check(digest, false);
    }

    private Verdict check(String digest, boolean activity) {
        long now = clock.millis();
        Entry known = entries.get(digest);
        if (known != null && known.revoked) {
            // An end is final: answered without the store, so an end taken while it is down is refused as ended.
            return judge(known, now);
        }
        try {
            return checkWithStore(digest, activity, now);
        } catch (RuntimeException down) {
            if (!servesKnownWhenDown || known == null) {
                throw down;
            }
            // signoff.registry-down=serve-known (opt-in, fails open): what this node last knew, timeouts still apply.
            Verdict verdict = judge(known, now);
            if (activity && verdict.live() && now > known.lastSeen) {
                known.lastSeen = now; // kept here; written when the registry answers again
            }
            return verdict;
        }
    }

    private Verdict checkWithStore(String digest, boolean activity, long now) {
        if (stalenessMillis > 0 && feedIsDue(now)) {
            readFeed(now);
        }
        Entry e = entries.get(digest);
        if (e == null || (!e.revoked && now - e.loadedAt >= reloadAfterMillis)) {
            e = reload(digest, now);
        }
        if (e == null) {
            return Verdict.UNKNOWN;
        }
        Verdict verdict = judge(e, now);
        if (activity && verdict.live() && !recordActivity(digest, e, now)) {
            verdict = Verdict.dead(EndReason.LOGOUT);
        }
        if (now - sweptAt >= SWEEP_INTERVAL_MILLIS) {
            sweep(now);
        }
        return verdict;
    }

    /**
     * Another node stored a revocation: the next check reads the feed, however recent the last
     * read, so that node's end is refused here within one request instead of one staleness interval.
     * Several announcements before that check cost one read. The poll stays: a lost announcement
     * (a dropped listening connection) only brings back the staleness bound.
     */
    public void feedIsStale() {
        feedStale = true;
    }

    /** Once per staleness interval, or after an announcement (but not more often than every {@value #ANNOUNCED_READ_GAP_MILLIS} ms). */
    private boolean feedIsDue(long now) {
        long age = now - feedReadAt;
        return age >= stalenessMillis || (feedStale && age >= ANNOUNCED_READ_GAP_MILLIS);
    }

    /** Reads the revocations made since the last read (by any node) into tombstones; one thread at a time. */
    private void readFeed(long now) {
        await(feedLock::tryLock, "another request's read of the revocation feed");
        try {
            if (!feedIsDue(now)) {
                return;
            }
            // Cleared before the read: an announcement arriving during it makes a later check read again.
            feedStale = false;
            long since = (feedReadAt == NEVER ? now - BACKSTOP_MILLIS : feedReadAt) - FEED_OVERLAP_MILLIS;
            try {
                store.revokedSince(since).forEach((digest, reason) -> {
                    if (entries.containsKey(digest)) {
                        markRevoked(digest, reason);
                    }
                });
            } catch (RuntimeException down) {
                feedStale = true; // the announcement is not lost with the failed read
                throw down;
            }
            feedReadAt = now;
        } finally {
            feedLock.unlock();
        }
    }

    /** A lock's or a semaphore's timed try. */
    private interface Turn {
        boolean tryFor(long time, TimeUnit unit) throws InterruptedException;
    }

    /** Takes the turn within {@link #WAIT_MILLIS}, or refuses the request: it would queue behind {@code what}. */
    private static void await(Turn turn, String what) {
        try {
            if (turn.tryFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RegistryBusyException("not waiting longer than " + WAIT_MILLIS + " ms for " + what);
    }

    /** A call of the store for one session's row, if one of {@link #STORE_CALLS} turns is free soon enough. */
    private <T> T withTurn(Supplier<T> call) {
        await(storeCalls::tryAcquire, STORE_CALLS + " requests already waiting on the database");
        try {
            return call.get();
        } finally {
            storeCalls.release();
        }
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
                && !withTurn(() -> store.touch(e.handle, now, now + idleMillis))) {
            markRevoked(digest, null);
            return false;
        }
        return true;
    }

    private Entry reload(String digest, long now) {
        Optional<SessionSnapshot> loaded = withTurn(() -> store.load(digest));
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

    private synchronized void sweep(long now) {
        if (now - sweptAt < SWEEP_INTERVAL_MILLIS) {
            return;
        }
        sweptAt = now;
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
