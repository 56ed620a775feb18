package dev.signoff.session;

import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidityCacheTest {
    private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    private static final Duration STALENESS = Duration.ofSeconds(1);
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final Duration LAST_SEEN_INTERVAL = Duration.ofMinutes(1);
    private static final String DIGEST = "d1".repeat(32);
    private static final String HANDLE = "handle-of-session-1xyz";

    private MutableClock clock;
    private FakeStore store;
    private ValidityCache cache;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        store = new FakeStore();
        store.rows.put(DIGEST, liveRow(START));
        cache = cache(STALENESS);
    }

    // --- live sessions and the cache --------------------------------------------------------

    @Test
    void checkWhenSessionLiveThenLiveAfterOneLoad() {
        assertEquals(Verdict.LIVE, cache.check(DIGEST));
        assertEquals(1, store.loads);
    }

    @Test
    void checkWhenCheckedAgainWithinStalenessThenServedFromCache() {
        cache.check(DIGEST);
        clock.advance(STALENESS.minusMillis(1));

        assertEquals(Verdict.LIVE, cache.check(DIGEST));
        assertEquals(1, store.loads);
        assertEquals(0, store.touches.size());
    }

    @Test
    void checkWhenStalenessPassedThenOnlyTheNodeWideFeedIsRead() {
        cache.check(DIGEST);
        int feedReads = store.feedReads;
        clock.advance(STALENESS);

        assertEquals(Verdict.LIVE, cache.check(DIGEST));
        assertEquals(Verdict.LIVE, cache.check(DIGEST));
        assertEquals(1, store.loads, "steady state: no per-session read");
        assertEquals(feedReads + 1, store.feedReads, "one feed read per staleness interval");
    }

    @Test
    void checkWhenBackstopPassedThenReloaded() {
        cache.check(DIGEST);
        clock.advance(Duration.ofMillis(ValidityCache.BACKSTOP_MILLIS));

        assertEquals(Verdict.LIVE, cache.check(DIGEST));
        assertEquals(2, store.loads);
    }

    @Test
    void checkWhenManySessionsThenOneFeedReadPerStalenessInterval() {
        for (int i = 0; i < 50; i++) {
            String digest = String.format("%064x", i);
            store.rows.put(digest, liveRow(START));
            cache.check(digest);
        }
        int feedReads = store.feedReads;
        clock.advance(STALENESS);
        for (int i = 0; i < 50; i++) {
            cache.check(String.format("%064x", i));
        }
        assertEquals(feedReads + 1, store.feedReads);
        assertEquals(50, store.loads, "each session was read once, when first seen");
    }

    // --- bounded staleness ------------------------------------------------------------------

    @Test
    void checkWhenRevokedOnAnotherNodeThenLiveUntilStalenessPassesThenDead() {
        cache.check(DIGEST);
        clock.advance(Duration.ofMillis(100));
        store.revoke(DIGEST, EndReason.ADMIN, clock.millis());

        clock.advance(Duration.ofMillis(899));
        assertEquals(Verdict.LIVE, cache.check(DIGEST), "trusted within the staleness bound");

        clock.advance(Duration.ofMillis(1));
        assertEquals(Verdict.dead(EndReason.ADMIN), cache.check(DIGEST), "seen once the bound has passed");
        assertEquals(1, store.loads, "learned from the node-wide feed, not a per-session read");
    }

    @Test
    void checkWhenAnotherNodeAnnouncedItsRevocationThenDeadAtTheNextCheckWithinStaleness() {
        cache.check(DIGEST);
        clock.advance(Duration.ofMillis(100));
        store.revoke(DIGEST, EndReason.LOGOUT_ALL, clock.millis());
        assertEquals(Verdict.LIVE, cache.check(DIGEST), "no announcement: trusted within the staleness bound");

        cache.feedIsStale();
        clock.advance(Duration.ofMillis(ValidityCache.ANNOUNCED_READ_GAP_MILLIS));
        assertEquals(Verdict.dead(EndReason.LOGOUT_ALL), cache.check(DIGEST), "the announcement made the feed due");
        assertEquals(1, store.loads, "learned from the node-wide feed, not a per-session read");
    }

    @Test
    void checkWhenManyAnnouncementsThenOneFeedReadEachGapAndNoneWithout() {
        cache.check(DIGEST);
        int feedReads = store.feedReads;
        for (int i = 0; i < 20; i++) {
            cache.feedIsStale();
        }
        clock.advance(Duration.ofMillis(ValidityCache.ANNOUNCED_READ_GAP_MILLIS));
        cache.check(DIGEST);
        cache.check(DIGEST);
        assertEquals(feedReads + 1, store.feedReads, "twenty announcements, one read");
        clock.advance(Duration.ofMillis(100));
        cache.check(DIGEST);
        assertEquals(feedReads + 1, store.feedReads, "no announcement since: the staleness interval again");
    }

    @Test
    void checkWhenAnnouncedFeedReadFailsThenTheNextCheckReadsAgain() {
        cache.check(DIGEST);
        store.revoke(DIGEST, EndReason.ADMIN, clock.millis());
        cache.feedIsStale();
        clock.advance(Duration.ofMillis(ValidityCache.ANNOUNCED_READ_GAP_MILLIS));
        store.failure = new IllegalStateException("database down");
        assertThrows(IllegalStateException.class, () -> cache.check(DIGEST));

        store.failure = null;
        assertEquals(Verdict.dead(EndReason.ADMIN), cache.check(DIGEST), "the announcement outlived the failed read");
    }

    @Test
    void checkWhenStalenessZeroThenEveryCheckLoads() {
        cache = cache(Duration.ZERO);

        cache.check(DIGEST);
        cache.check(DIGEST);
        cache.check(DIGEST);
        assertEquals(3, store.loads);

        store.revoke(DIGEST, EndReason.LOGOUT_ALL, clock.millis());
        assertEquals(Verdict.dead(EndReason.LOGOUT_ALL), cache.check(DIGEST), "no clock tick needed");
    }

    @Test
    void checkWhenRowRevokedWithoutReasonThenDeadWithLogout() {
        store.rows.put(DIGEST, withRevocation(liveRow(START), START.toEpochMilli(), null));

        assertEquals(Verdict.dead(EndReason.LOGOUT), cache.check(DIGEST));
    }

    // --- revocation on this node ------------------------------------------------------------

    @Test
    void markRevokedWhenSessionCachedThenDeadAtOnceWithoutStoreCall() {
        cache.check(DIGEST);

        cache.markRevoked(DIGEST, EndReason.LOGOUT_ALL);

        assertEquals(Verdict.dead(EndReason.LOGOUT_ALL), cache.check(DIGEST));
        assertEquals(1, store.loads);
        assertEquals(0, store.touches.size());
    }

    @Test
    void markRevokedWhenSessionNeverCachedThenDeadWithoutStoreCall() {
        cache.markRevoked(DIGEST, EndReason.CREDENTIALS_CHANGED);

        assertEquals(Verdict.dead(EndReason.CREDENTIALS_CHANGED), cache.check(DIGEST));
        assertEquals(0, store.loads);
    }

    @Test
    void markRevokedWhenReasonUnknownThenDeadWithLogout() {
        cache.markRevoked(DIGEST, null);

        assertEquals(Verdict.dead(EndReason.LOGOUT), cache.check(DIGEST));
    }

    @Test
    void markRevokedWhenStoreStillReturnsLiveRowAfterStalenessThenStaysDead() {
        cache.check(DIGEST);
        cache.markRevoked(DIGEST, EndReason.LOGOUT);

        clock.advance(Duration.ofSeconds(30));

        assertEquals(Verdict.dead(EndReason.LOGOUT), cache.check(DIGEST));
        assertFalse(store.rows.get(DIGEST).revoked(), "the store still holds the live row");
    }

    @Test
    void markRevokedWhenReloadRacesWithItThenReloadDoesNotResurrect() {
        clock.advance(Duration.ofSeconds(5));
        // The load reads the live row, then this node's logout marks the session before the load returns.
        store.duringLoad = () -> cache.markRevoked(DIGEST, EndReason.LOGOUT);

        assertEquals(Verdict.dead(EndReason.LOGOUT), cache.check(DIGEST));
        store.duringLoad = null;
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Verdict.dead(EndReason.LOGOUT), cache.check(DIGEST));
        assertEquals(1, store.loads);
    }

    @Test
    void markRevokedWhenAlreadyRevokedThenFirstReasonKept() {
        cache.markRevoked(DIGEST, EndReason.ADMIN);
        cache.markRevoked(DIGEST, EndReason.LOGOUT);

        assertEquals(Verdict.dead(EndReason.ADMIN), cache.check(DIGEST));
    }

    @Test
    void forgetWhenSessionRevokedThenTombstoneStays() {
        cache.markRevoked(DIGEST, EndReason.LOGOUT);

        cache.forget(DIGEST);

        assertEquals(1, cache.size());
        assertEquals(Verdict.dead(EndReason.LOGOUT), cache.check(DIGEST));
        assertEquals(0, store.loads);
    }

    @Test
    void forgetWhenSessionLiveThenEntryDroppedAndNextCheckLoads() {
        cache.check(DIGEST);

        cache.forget(DIGEST);

        assertEquals(0, cache.size());
        assertEquals(Verdict.LIVE, cache.check(DIGEST));
        assertEquals(2, store.loads);
    }

    // --- idle and absolute timeouts ---------------------------------------------------------

    @Test
    void checkWhenNoRequestForIdleTimeoutThenIdleTimeout() {
        cache.check(DIGEST);

        clock.advance(IDLE);

        assertEquals(Verdict.dead(EndReason.IDLE_TIMEOUT), cache.check(DIGEST));
    }

    @Test
    void checkWhenNoRequestForJustUnderIdleTimeoutThenLive() {
        cache.check(DIGEST);

        clock.advance(IDLE.minusMillis(1));

        assertEquals(Verdict.LIVE, cache.check(DIGEST));
    }

    @Test
    void peekWhenOnlyPeekedForIdleTimeoutThenIdleTimeout() {
        cache.check(DIGEST);
        for (int i = 0; i < 29; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertEquals(Verdict.LIVE, cache.peek(DIGEST), "minute " + (i + 1));
        }
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Verdict.dead(EndReason.IDLE_TIMEOUT), cache.peek(DIGEST), "an open event stream is no activity");
        assertEquals(Verdict.dead(EndReason.IDLE_TIMEOUT), cache.check(DIGEST));
        assertEquals(0, store.touches.size(), "peeks never write last-seen times");
    }

    @Test
    void peekWhenRevokedOnAnotherNodeThenDeadOnceStalenessPassed() {
        cache.peek(DIGEST);
        store.revoke(DIGEST, EndReason.ADMIN, clock.millis());

        assertEquals(Verdict.LIVE, cache.peek(DIGEST));
        clock.advance(STALENESS);
        assertEquals(Verdict.dead(EndReason.ADMIN), cache.peek(DIGEST));
    }

    @Test
    void peekWhenRevokedOnThisNodeThenDeadAtOnce() {
        cache.peek(DIGEST);
        cache.markRevoked(DIGEST, EndReason.ENDED_BY_USER);

        assertEquals(Verdict.dead(EndReason.ENDED_BY_USER), cache.peek(DIGEST));
    }

    @Test
    void checkWhenRowLastSeenLongerAgoThanIdleTimeoutThenIdleTimeoutOnFirstCheck() {
        clock.advance(IDLE.plusMinutes(1));

        assertEquals(Verdict.dead(EndReason.IDLE_TIMEOUT), cache.check(DIGEST));
        assertEquals(0, store.touches.size(), "a dead session is not touched");
    }

    @Test
    void checkWhenActiveThenIdleTimeoutMovesForward() {
        for (int i = 1; i <= 6; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertEquals(Verdict.LIVE, cache.check(DIGEST), "request " + i + " after 20 idle minutes");
        }
        clock.advance(IDLE);
        assertEquals(Verdict.dead(EndReason.IDLE_TIMEOUT), cache.check(DIGEST));
    }

    @Test
    void checkWhenLatestActivityNotYetWrittenThenReloadKeepsItForIdleTimeout() {
        clock.advance(Duration.ofSeconds(50));
        cache.check(DIGEST);
        assertEquals(0, store.touches.size(), "activity within the last-seen interval is not written yet");

        clock.set(START.plus(IDLE).plusSeconds(10));

        assertEquals(Verdict.LIVE, cache.check(DIGEST), "idle since 50s, not since the row's last-seen time");
    }

    @Test
    void checkWhenConstantlyActiveThenAbsoluteTimeoutStillEndsIt() {
        Instant end = START.plus(ABSOLUTE);
        while (clock.instant().plus(Duration.ofMinutes(10)).isBefore(end)) {
            clock.advance(Duration.ofMinutes(10));
            assertEquals(Verdict.LIVE, cache.check(DIGEST), "at " + clock.instant());
        }
        clock.advance(Duration.between(clock.instant(), end));

        assertEquals(Verdict.dead(EndReason.ABSOLUTE_TIMEOUT), cache.check(DIGEST));
    }

    // --- last-seen writes -------------------------------------------------------------------

    @Test
    void checkWhenManyRequestsThenTouchAtMostOncePerLastSeenInterval() {
        for (int second = 1; second <= 180; second++) {
            clock.set(START.plusSeconds(second));
            assertEquals(Verdict.LIVE, cache.check(DIGEST));
        }

        long minute = LAST_SEEN_INTERVAL.toMillis();
        long start = START.toEpochMilli();
        assertEquals(List.of(start + minute, start + 2 * minute, start + 3 * minute),
                store.touches.stream().map(t -> t.now).toList());
    }

    @Test
    void checkWhenTouchedThenIdleExpiryIsNowPlusIdleTimeout() {
        clock.advance(LAST_SEEN_INTERVAL);

        cache.check(DIGEST);

        assertEquals(List.of(new Touch(HANDLE, clock.millis(), clock.millis() + IDLE.toMillis())), store.touches);
    }

    @Test
    void checkWhenRequestsWithinIntervalServedFromCacheThenNoTouch() {
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(100));
            cache.check(DIGEST);
        }

        assertEquals(0, store.touches.size());
    }

    @Test
    void checkWhenTouchReportsRowRevokedThenDeadFromThenOnWithoutReload() {
        cache.check(DIGEST);
        store.touchResult = false;
        clock.advance(LAST_SEEN_INTERVAL);
        cache.check(DIGEST);
        int loads = store.loads;

        clock.advance(Duration.ofMinutes(5));
        Verdict after = cache.check(DIGEST);

        assertFalse(after.live());
        assertEquals(Optional.of(EndReason.LOGOUT), after.reason());
        assertEquals(1, store.touches.size());
        assertEquals(loads, store.loads, "the tombstone is not reloaded");
    }

    // --- unknown and failing registry ----------------------------------------------------

    @Test
    void checkWhenDigestUnknownThenUnknown() {
        Verdict verdict = cache.check("ff".repeat(32));

        assertEquals(Verdict.UNKNOWN, verdict);
        assertFalse(verdict.live());
        assertEquals(Optional.empty(), verdict.reason());
    }

    @Test
    void checkWhenRowDeletedAfterCachingThenUnknownAtTheBackstop() {
        cache.check(DIGEST);
        store.rows.remove(DIGEST);

        clock.advance(Duration.ofMillis(ValidityCache.BACKSTOP_MILLIS));

        assertEquals(Verdict.UNKNOWN, cache.check(DIGEST));
    }

    @Test
    void checkWhenStoreThrowsThenExceptionPropagates() {
        IllegalStateException down = new IllegalStateException("database down");
        store.failure = down;

        assertSame(down, assertThrows(IllegalStateException.class, () -> cache.check(DIGEST)));
    }

    @Test
    void checkWhenStoreThrowsOnStaleEntryThenFailsClosedInsteadOfTrustingCache() {
        cache.check(DIGEST);
        IllegalStateException down = new IllegalStateException("database down");
        store.failure = down;
        clock.advance(STALENESS);

        assertSame(down, assertThrows(IllegalStateException.class, () -> cache.check(DIGEST)));
    }

    @Test
    void checkWhenStoreThrowsAndServeKnownIsOnThenAKnownLiveSessionIsServedAndAnUnknownOneIsNot() {
        ValidityCache failOpen = new ValidityCache(store, clock, new ValidityCache.Timing(STALENESS, IDLE, LAST_SEEN_INTERVAL, true));
        failOpen.check(DIGEST);
        IllegalStateException down = new IllegalStateException("database down");
        store.failure = down;
        clock.advance(STALENESS);

        assertEquals(Verdict.LIVE, failOpen.check(DIGEST), "signoff.registry-down=serve-known: what this node saw live");
        assertSame(down, assertThrows(IllegalStateException.class, () -> failOpen.check("cd".repeat(32))), "never seen here");
    }

    @Test
    void checkWhenStoreThrowsAndServeKnownIsOnThenTimeoutsAndEndsSeenHereStillHold() {
        ValidityCache failOpen = new ValidityCache(store, clock, new ValidityCache.Timing(STALENESS, IDLE, LAST_SEEN_INTERVAL, true));
        failOpen.check(DIGEST);
        store.failure = new IllegalStateException("database down");
        clock.advance(IDLE);

        assertEquals(Verdict.dead(EndReason.IDLE_TIMEOUT), failOpen.check(DIGEST));
        failOpen.markRevoked(DIGEST, EndReason.LOGOUT);
        assertEquals(Verdict.dead(EndReason.LOGOUT), failOpen.check(DIGEST));
    }

    @Test
    void sizeWhenSessionsCheckedThenOneEntryEach() {
        String other = "ab".repeat(32);
        store.rows.put(other, liveRow(START));

        cache.check(DIGEST);
        cache.check(other);
        cache.check(DIGEST);

        assertEquals(2, cache.size());
        assertEquals(2, store.loads);
    }

    // --- helpers --------------------------------------------------------------------------

    private ValidityCache cache(Duration staleness) {
        return new ValidityCache(store, clock, new ValidityCache.Timing(staleness, IDLE, LAST_SEEN_INTERVAL));
    }

    private static SessionSnapshot liveRow(Instant created) {
        long t = created.toEpochMilli();
        return new SessionSnapshot(HANDLE, DIGEST, "alice", Purpose.SESSION, t, t, t + IDLE.toMillis(),
                t + ABSOLUTE.toMillis(), null, null, "203.0.113.7", "JUnit", "JUnit");
    }

    private static SessionSnapshot withRevocation(SessionSnapshot s, Long revokedAt, EndReason reason) {
        return new SessionSnapshot(s.handle(), s.tokenDigest(), s.user(), s.purpose(), s.createdAt(), s.lastSeenAt(),
                s.idleExpiresAt(), s.absoluteExpiresAt(), revokedAt, reason, s.ip(), s.userAgent(), s.device());
    }

    private static SessionSnapshot touched(SessionSnapshot s, long now, long idleExpiresAt) {
        return new SessionSnapshot(s.handle(), s.tokenDigest(), s.user(), s.purpose(), s.createdAt(), now,
                idleExpiresAt, s.absoluteExpiresAt(), s.revokedAt(), s.endReason(), s.ip(), s.userAgent(), s.device());
    }

    // --- a slow database ---------------------------------------------------------------------

    @Test
    void checkWhenAnotherRequestIsStuckReadingTheFeedThenRefusedBusyInsteadOfQueued() throws Exception {
        BlockingStore slow = new BlockingStore(store);
        ValidityCache c = new ValidityCache(slow, clock, new ValidityCache.Timing(STALENESS, IDLE, LAST_SEEN_INTERVAL));
        Thread stuck = new Thread(() -> assertThrows(IllegalStateException.class, () -> c.check(DIGEST)));
        stuck.start();
        slow.entered.await();

        assertThrows(RegistryBusyException.class, () -> c.check(DIGEST), "refused after a short wait, not queued behind it");
        slow.release.countDown();
        stuck.join();
    }

    @Test
    void checkWhenEveryStoreTurnIsTakenThenTheNextRequestIsRefusedBusyAndTheOthersFinish() throws Exception {
        BlockingStore slow = new BlockingStore(store);
        ValidityCache c = new ValidityCache(slow, clock, new ValidityCache.Timing(Duration.ZERO, IDLE, LAST_SEEN_INTERVAL));
        List<Thread> waiting = new ArrayList<>();
        List<Verdict> answered = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < ValidityCache.STORE_CALLS; i++) {
            Thread t = new Thread(() -> answered.add(c.check(DIGEST)));
            t.start();
            waiting.add(t);
        }
        while (slow.inside.get() < ValidityCache.STORE_CALLS) {
            Thread.sleep(5);
        }

        assertThrows(RegistryBusyException.class, () -> c.check(DIGEST), "a ninth request does not wait on the database");
        slow.release.countDown();
        for (Thread t : waiting) {
            t.join();
        }
        assertEquals(ValidityCache.STORE_CALLS, answered.size());
        assertTrue(answered.stream().allMatch(Verdict::live), answered::toString);
    }

    /** A store whose every call waits until the test releases it, as a locked table does. */
    static final class BlockingStore implements ValidityCache.Store {
        final FakeStore rows;
        final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();

        BlockingStore(FakeStore rows) {
            this.rows = rows;
        }

        private void block() {
            inside.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Map<String, EndReason> revokedSince(long since) {
            block();
            throw new IllegalStateException("statement timed out");
        }

        @Override
        public Optional<SessionSnapshot> load(String digest) {
            block();
            synchronized (rows) {
                return rows.load(digest);
            }
        }

        @Override
        public boolean touch(String handle, long now, long idleExpiresAt) {
            return true;
        }
    }

    record Touch(String handle, long now, long idleExpiresAt) {
    }

    /** The registry as a map the test controls, counting loads and recording touches. */
    static final class FakeStore implements ValidityCache.Store {
        final Map<String, SessionSnapshot> rows = new HashMap<>();
        final List<Touch> touches = new ArrayList<>();
        int loads;
        int feedReads;
        boolean touchResult = true;
        RuntimeException failure;
        Runnable duringLoad;

        void revoke(String digest, EndReason reason, long at) {
            rows.put(digest, withRevocation(rows.get(digest), at, reason));
        }

        @Override
        public Map<String, EndReason> revokedSince(long since) {
            feedReads++;
            if (failure != null) {
                throw failure;
            }
            Map<String, EndReason> revoked = new HashMap<>();
            rows.forEach((digest, row) -> {
                if (row.revoked() && row.revokedAt() >= since) {
                    revoked.put(digest, row.endReason());
                }
            });
            return revoked;
        }

        @Override
        public Optional<SessionSnapshot> load(String digest) {
            loads++;
            if (failure != null) {
                throw failure;
            }
            Optional<SessionSnapshot> row = Optional.ofNullable(rows.get(digest));
            if (duringLoad != null) {
                duringLoad.run();
            }
            return row;
        }

        @Override
        public boolean touch(String handle, long now, long idleExpiresAt) {
            touches.add(new Touch(handle, now, idleExpiresAt));
            if (!touchResult) {
                return false;
            }
            for (Map.Entry<String, SessionSnapshot> e : rows.entrySet()) {
                SessionSnapshot s = e.getValue();
                if (s.handle().equals(handle) && !s.revoked()) {
                    e.setValue(touched(s, now, idleExpiresAt));
                    return true;
                }
            }
            return false;
        }
    }
}
