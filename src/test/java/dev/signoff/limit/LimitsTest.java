package dev.signoff.limit;

import dev.signoff.config.LimitPolicy;
import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitsTest {
    private static final long T = 1_800_000_000_000L;

    @Test
    void fullWhenNoLimitThenNever() {
        assertFalse(Limits.full(1_000, 0));
    }

    @Test
    void fullWhenBelowThenFalseAtOrAboveThenTrue() {
        assertFalse(Limits.full(1, 2));
        assertTrue(Limits.full(2, 2));
        assertTrue(Limits.full(3, 2));
    }

    @Test
    void leastRecentWhenWithinLimitThenNothing() {
        List<SessionSnapshot> live = List.of(session("new", T, T), session("a", T - 10, T - 5));
        assertEquals(List.of(), Limits.leastRecent(live, "new", 2));
        assertEquals(List.of(), Limits.leastRecent(live, "new", 0));
    }

    @Test
    void leastRecentWhenOverThenTheLeastRecentlyUsedOthersNotTheOldest() {
        SessionSnapshot recentlyUsedOld = session("old", T - 100, T - 1);
        SessionSnapshot idleNewer = session("newer", T - 50, T - 40);
        SessionSnapshot idleest = session("idle", T - 60, T - 59);
        // most recently used first, as the registry lists them
        List<SessionSnapshot> live = List.of(session("new", T, T), recentlyUsedOld, idleNewer, idleest);

        assertEquals(List.of(idleNewer, idleest), Limits.leastRecent(live, "new", 2));
        assertEquals(List.of(idleest), Limits.leastRecent(live, "new", 3));
    }

    @Test
    void leastRecentWhenNewSessionIsNotFirstThenItStillStays() {
        List<SessionSnapshot> live = List.of(session("a", T - 10, T + 5), session("new", T, T));
        assertEquals(List.of(live.get(0)), Limits.leastRecent(live, "new", 1));
    }

    @Test
    void lostRaceWhenAmongTheOldestThenKept() {
        List<SessionSnapshot> live = List.of(session("new", T, T), session("a", T - 10, T - 10));
        assertFalse(Limits.lostRace(live, "new", 2));
    }

    @Test
    void lostRaceWhenAConcurrentLoginStartedEarlierThenTheNewOneGoes() {
        List<SessionSnapshot> live = List.of(session("new", T, T), session("racer", T - 1, T - 1), session("a", T - 10, T - 10));
        assertTrue(Limits.lostRace(live, "new", 2));
        assertFalse(Limits.lostRace(live, "racer", 2));
    }

    @Test
    void lostRaceWhenSameMillisecondThenHandleOrderDecidesTheSameEverywhere() {
        List<SessionSnapshot> live = List.of(session("b", T, T), session("a", T, T), session("x", T - 10, T - 10));
        assertTrue(Limits.lostRace(live, "b", 2));
        assertFalse(Limits.lostRace(live, "a", 2));
    }

    @Test
    void lostRaceWhenNoLimitOrNotListedThenFalse() {
        List<SessionSnapshot> live = List.of(session("a", T, T));
        assertFalse(Limits.lostRace(live, "a", 0));
        assertFalse(Limits.lostRace(live, "gone", 1));
    }

    @Test
    void parseWhenSettingFormThenPolicy() {
        assertEquals(LimitPolicy.END_LEAST_RECENT, LimitPolicy.parse("end-least-recent"));
        assertEquals(LimitPolicy.REFUSE, LimitPolicy.parse(" Refuse "));
        assertEquals("end-least-recent", LimitPolicy.END_LEAST_RECENT.code());
        assertThrows(IllegalArgumentException.class, () -> LimitPolicy.parse("END_LEAST_RECENT"));
        assertThrows(IllegalArgumentException.class, () -> LimitPolicy.parse("oldest"));
    }

    private static SessionSnapshot session(String handle, long created, long lastSeen) {
        return new SessionSnapshot(handle, handle + "-digest", "alice", Purpose.SESSION, created, lastSeen,
                lastSeen + 1_800_000, created + 43_200_000, null, null, "203.0.113.7", "JUnit", "JUnit");
    }
}
