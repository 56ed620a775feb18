package dev.signoff.session;

import dev.signoff.events.EndReason;
import dev.signoff.events.LoggedOutEverywhere;
import dev.signoff.events.Purpose;
import dev.signoff.events.SessionEnded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one place sessions end: what it stores, refuses, announces, and keeps for later when the registry is down. */
class TerminatorTest {
    private final SessionRig rig = new SessionRig();
    private final Terminator terminator = rig.terminator;

    @Test
    void endWhenLiveThenStoredRefusedHereAndAnnouncedOnce() {
        SessionBinding s = rig.open("alice");
        rig.clock.advance(Duration.ofMinutes(3));

        Ending first = terminator.end(s.handle(), Optional.of(s.digest()), EndReason.LOGOUT, "198.51.100.1");
        Ending again = terminator.end(s.handle(), Optional.of(s.digest()), EndReason.ADMIN, "198.51.100.1");

        assertEquals(Ending.of(1), first);
        assertEquals(Ending.of(0), again);
        assertEquals(EndReason.LOGOUT, rig.registry.rows.get(s.handle()).endReason(), "the first end wins");
        assertEquals(List.of(new SessionEnded("alice", s.handle(), EndReason.LOGOUT, SessionRig.START.plus(Duration.ofMinutes(3)))),
                rig.ended.fired);
        assertEquals(Verdict.dead(EndReason.LOGOUT), rig.checker.check(s.digest()));
    }

    @Test
    void endAllWhenKeepingOneThenTheOthersEndAndOneEventSaysHowMany() {
        SessionBinding kept = rig.open("bob");
        SessionBinding phone = rig.open("bob");
        SessionBinding laptop = rig.open("bob");
        SessionBinding other = rig.open("carol");

        Ending ending = terminator.endAll("bob", Optional.of(kept.handle()), EndReason.LOGOUT_ALL, null);

        assertEquals(2, ending.ended());
        assertTrue(rig.registry.isLive(kept.handle()));
        assertFalse(rig.registry.isLive(phone.handle()));
        assertFalse(rig.registry.isLive(laptop.handle()));
        assertTrue(rig.registry.isLive(other.handle()));
        assertEquals(List.of(new LoggedOutEverywhere("bob", 2, EndReason.LOGOUT_ALL, Optional.of(kept.handle()))),
                rig.endedEverywhere.fired);
        assertEquals(2, rig.ended.fired.size());
        assertEquals(Verdict.LIVE, rig.checker.check(kept.digest()));
        assertEquals(Verdict.dead(EndReason.LOGOUT_ALL), rig.checker.check(phone.digest()));
    }

    @Test
    void endAllWhenPurposesAreGivenThenOnlyThoseEndAlsoWhenQueued() {
        SessionBinding browser = rig.open("frank");
        String family = rig.registry.open(new dev.signoff.registry.NewSession(dev.signoff.registry.Tokens.newHandle(),
                dev.signoff.registry.Tokens.digest(dev.signoff.registry.Tokens.newToken()), "frank", Purpose.REFRESH,
                rig.clock.millis(), rig.clock.millis() + 60_000, rig.clock.millis() + 60_000, null, null)).handle();

        assertEquals(1, terminator.endAll("frank", Optional.empty(), Set.of(Purpose.SESSION), EndReason.LOGOUT_ALL, null).ended());
        assertFalse(rig.registry.isLive(browser.handle()));
        assertTrue(rig.registry.isLive(family), "a refresh family is not a session purpose");

        SessionBinding again = rig.open("frank");
        rig.registry.down = new IllegalStateException("database down");
        assertTrue(terminator.endAll("frank", Optional.empty(), Set.of(Purpose.REFRESH), EndReason.ADMIN, null).pending());
        rig.registry.down = null;
        rig.scheduler.runDue();
        assertFalse(rig.registry.isLive(family), "the queued end kept its purposes");
        assertTrue(rig.registry.isLive(again.handle()));
    }

    @Test
    void endWhenRegistryDownAndTheNodeRestartsThenTheNextRunStoresIt(@TempDir Path journals) {
        SessionBinding s = rig.open("alice");
        rig.pending.resume(journals, "/shop");
        rig.registry.down = new IllegalStateException("database down");
        assertTrue(terminator.end(s.handle(), Optional.of(s.digest()), EndReason.LOGOUT, null).pending());
        assertTrue(terminator.endAll("alice", Optional.empty(), Set.of(Purpose.REFRESH), EndReason.ADMIN, null).pending());

        // The node dies with both queued (nothing stopped cleanly); the next run shares only the database and the journal.
        SessionRig next = new SessionRig();
        next.registry.rows.putAll(rig.registry.rows);
        next.pending.resume(journals, "/shop");
        assertEquals(2, next.pending.size(), "both ends read back from the journal");
        next.scheduler.runDue();

        assertEquals(0, next.pending.size());
        assertEquals(EndReason.LOGOUT, next.registry.rows.get(s.handle()).endReason());
        SessionRig third = new SessionRig();
        third.pending.resume(journals, "/shop");
        assertEquals(0, third.pending.size(), "stored ends are gone from the journal");
    }

    @Test
    void endWhenRegistryDownThenRefusedHereQueuedAndStoredOnceItAnswers() {
        SessionBinding s = rig.open("alice");
        IllegalStateException down = new IllegalStateException("database down");
        rig.registry.down = down;

        Ending ending = terminator.end(s.handle(), Optional.of(s.digest()), EndReason.LOGOUT, null);

        assertTrue(ending.pending());
        assertSame(down, ending.failure().orElseThrow());
        assertEquals(1, rig.pending.size());
        assertEquals(Verdict.dead(EndReason.LOGOUT), rig.checker.check(s.digest()), "refused here meanwhile");
        assertTrue(rig.ended.fired.isEmpty(), "nothing announced before it is stored");

        rig.scheduler.runDue();
        assertEquals(1, rig.pending.size(), "still down: still queued");
        assertEquals(1, rig.scheduler.waiting(), "and retried again later");

        rig.registry.down = null;
        rig.scheduler.runDue();
        assertEquals(0, rig.pending.size());
        assertFalse(rig.registry.isLive(s.handle()));
        assertEquals(EndReason.LOGOUT, rig.registry.rows.get(s.handle()).endReason());
        assertEquals(1, rig.ended.fired.size());
        assertEquals(0, rig.scheduler.waiting(), "nothing left: no more retries");
        assertTrue(rig.scheduler.delaysMillis().stream().allMatch(d -> d == 5_000), rig.scheduler.delaysMillis().toString());
    }

    @Test
    void endAllWhenRegistryDownThenQueuedEndsAreStoredInOrder() {
        SessionBinding a = rig.open("dave");
        SessionBinding b = rig.open("dave");
        rig.registry.down = new IllegalStateException("database down");

        terminator.end(a.handle(), Optional.of(a.digest()), EndReason.ADMIN, null);
        terminator.endAll("dave", Optional.empty(), EndReason.CREDENTIALS_CHANGED, null);
        assertEquals(2, rig.pending.size());
        assertEquals(1, rig.scheduler.waiting(), "one retry for the whole queue");

        rig.registry.down = null;
        rig.scheduler.runDue();

        assertEquals(EndReason.ADMIN, rig.registry.rows.get(a.handle()).endReason());
        assertEquals(EndReason.CREDENTIALS_CHANGED, rig.registry.rows.get(b.handle()).endReason());
        assertEquals(List.of(new LoggedOutEverywhere("dave", 1, EndReason.CREDENTIALS_CHANGED, Optional.empty())),
                rig.endedEverywhere.fired);
    }

    @Test
    void endWhenAnObserverFailsThenTheEndStandsAndOthersAreStillAnnounced() {
        SessionBinding a = rig.open("erin");
        SessionBinding b = rig.open("erin");
        rig.ended.observer = e -> {
            throw new IllegalStateException("observer bug");
        };

        Ending ending = terminator.endAll("erin", Optional.empty(), EndReason.LOGOUT_ALL, null);

        assertEquals(2, ending.ended());
        assertEquals(2, rig.ended.fired.size());
        assertFalse(rig.registry.isLive(a.handle()));
        assertFalse(rig.registry.isLive(b.handle()));
        assertEquals(1, rig.endedEverywhere.fired.size());
    }

    @Test
    void endExpiredWhenCacheFoundItIdleThenRecordedWithTheExpiryReason() {
        SessionBinding s = rig.open("frank");

        terminator.endExpired(s.handle(), s.digest(), EndReason.IDLE_TIMEOUT);

        assertEquals(EndReason.IDLE_TIMEOUT, rig.registry.rows.get(s.handle()).endReason());
        assertEquals(EndReason.IDLE_TIMEOUT, rig.ended.fired.get(0).reason());
    }

    @Test
    void refuseLoginWhenRegistryDownThenNoExceptionAndTheErrorIsCounted() {
        rig.registry.down = new IllegalStateException("database down");

        terminator.refuseLogin("mallory", EndReason.FIXATION_SUSPECTED, "198.51.100.9");

        assertEquals(1, rig.metrics.meter().databaseErrors());
        assertEquals(1, rig.metrics.meter().sessionsEnded().get(EndReason.FIXATION_SUSPECTED.code()));
        assertTrue(rig.registry.audit.isEmpty());
    }

    @Test
    void refuseLoginWhenRegistryAnswersThenAuditedAtTheClocksTime() {
        terminator.refuseLogin("mallory", EndReason.FIXATION_SUSPECTED, "198.51.100.9");

        assertEquals(List.of("ENDED mallory - FIXATION_SUSPECTED at " + rig.clock.millis()), rig.registry.audit);
    }

    @Test
    void stopWhenEndsStillWaitThenTheRetryIsCancelledAndNoneIsScheduledAfter() {
        SessionBinding s = rig.open("gina");
        rig.registry.down = new IllegalStateException("database down");
        terminator.end(s.handle(), Optional.of(s.digest()), EndReason.LOGOUT, null);

        rig.pending.stop();
        rig.scheduler.runDue();

        assertEquals(1, rig.scheduler.cancelled());
        assertEquals(0, rig.scheduler.waiting());
    }

    @Test
    void endAllWhenManySessionsThenEachHandleIsLoggedOnceInLinesOfAHundred() {
        List<String> handles = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            handles.add(rig.open("gina").handle());
        }
        SessionBinding single = rig.open("hank");
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(Terminator.class.getName());
        log.addHandler(capture);
        try {
            terminator.endAll("gina", Optional.empty(), EndReason.LOGOUT_ALL, "198.51.100.7");
            terminator.end(single.handle(), Optional.of(single.digest()), EndReason.LOGOUT, "198.51.100.8");
        } finally {
            log.removeHandler(capture);
        }

        assertEquals(4, lines.size(), String.join("\n", lines));
        for (String line : lines.subList(0, 3)) {
            assertTrue(line.startsWith("SignOff sessions ended: user=gina handles="), line);
            assertTrue(line.endsWith(" reason=logout_all ip=198.51.100.7"), line);
        }
        List<String> logged = lines.subList(0, 3).stream()
                .flatMap(l -> Arrays.stream(l.replaceAll(".* handles=(\\S+) .*", "$1").split(","))).sorted().toList();
        assertEquals(handles.stream().sorted().toList(), logged, "every handle once");
        assertEquals("SignOff session ended: user=hank handle=" + single.handle() + " reason=logout ip=198.51.100.8", lines.get(3));
    }
}
