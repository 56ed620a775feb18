package dev.signoff.bench;

import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import dev.signoff.session.ValidityCache;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Heap bytes the node's cache keeps per live session: {@code n} sessions (default 1 000 000)
 * checked once each, heap in use after a full GC before and after, divided by {@code n}. The store
 * hands out a fresh row with fresh strings on every load, as the database does, so whatever the
 * cache keeps of it is counted and nothing else is. Measured twice: the digest key shared with
 * the caller (the filter passes the one kept in the HttpSession, as here) and the key a copy of
 * its own. Run: {@code java -Xmx4g -cp target/benchmarks.jar dev.signoff.bench.CacheMemory [n]}.
 */
public final class CacheMemory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private CacheMemory() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String[] digests = new String[n];
        for (int i = 0; i < n; i++) {
            digests[i] = Tokens.digest(Tokens.newToken());
        }
        for (boolean copies : new boolean[]{false, true}) {
            long before = usedAfterGc();
            ValidityCache cache = new ValidityCache(new FreshRows(), Clock.systemUTC(),
                    new ValidityCache.Timing(Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMinutes(1)));
            for (String d : digests) {
                if (!cache.check(copies ? fresh(d) : d).live()) {
                    throw new IllegalStateException("not live");
                }
            }
            long after = usedAfterGc();
            System.out.printf("CacheMemory: %,d sessions, digest key %s: %,d bytes per cached session%n",
                    n, copies ? "a copy of its own" : "shared with the caller", (after - before) / n);
            if (cache.check(digests[0]) == null) {
                throw new IllegalStateException(); // keeps the cache reachable until measured
            }
        }
    }

    /** A string with characters of its own ({@code new String(s)} would share the original's array). */
    static String fresh(String s) {
        return new String(s.toCharArray());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** A database stand-in: every load a new row object with new strings; nothing revoked. */
    static final class FreshRows implements ValidityCache.Store {
        @Override
        public Optional<SessionSnapshot> load(String digest) {
            long now = System.currentTimeMillis();
            return Optional.of(new SessionSnapshot(Tokens.newHandle(), fresh(digest), "user" + digest.hashCode(),
                    Purpose.SESSION, now, now, now + 1_800_000, now + 43_200_000, null, null,
                    fresh("203.0.113.7"), fresh("Mozilla/5.0 (bench)"), fresh("Unknown device")));
        }

        @Override
        public boolean touch(String handle, long now, long idleExpiresAt) {
            return true;
        }

        @Override
        public Map<String, EndReason> revokedSince(long since) {
            return Map.of();
        }
    }
}
