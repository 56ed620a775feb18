package dev.signoff.tokens;

import dev.signoff.config.Configuration;
import dev.signoff.config.SettingsLoader;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import dev.signoff.session.SessionRig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refresh-token families: each token once, the grace for the one just replaced, reuse ends the family. */
class RefreshFamiliesTest {
    private static final String IP = "203.0.113.9";
    private final SessionRig rig = new SessionRig(Configuration.with(SettingsLoader.load(key -> null,
            Map.of("SIGNOFF_REFRESH_GRACE", "5s", "SIGNOFF_REFRESH_LIFETIME", "1d"), Map.of())));
    private final RefreshFamilies families = families(rig);

    static RefreshFamilies families(SessionRig rig) {
        RefreshFamilies f = new RefreshFamilies();
        f.registry = rig.registry;
        f.terminator = rig.terminator;
        f.configuration = rig.configuration;
        f.clock = rig.clock;
        f.opener = rig.opener;
        return f;
    }

    @Test
    void issueWhenCalledThenARefreshSessionOfTheUserStoredAsADigest() {
        RefreshToken first = families.issue("alice", IP, "curl/8");

        SessionSnapshot row = rig.registry.rows.get(first.handle());
        assertEquals(Purpose.REFRESH, row.purpose());
        assertEquals("alice", row.user());
        assertEquals(Tokens.digest(first.token()), row.tokenDigest());
        assertTrue(Tokens.isToken(first.token()));
        assertEquals(SessionRig.START.plus(Duration.ofDays(1)), first.expiresAt());
        assertFalse(first.toString().contains(first.token()), "the record's text never shows the secret");
        assertEquals("refresh", rig.started.fired.get(0).purpose());
    }

    @Test
    void refreshWhenCurrentThenRotatedOnceAndTheFamilyKeepsItsEnd() {
        RefreshToken first = families.issue("alice", IP, null);
        rig.clock.advance(Duration.ofMinutes(10));

        Refresh r = families.refresh(first.token(), IP);

        assertTrue(r.rotated());
        RefreshToken next = r.next().orElseThrow();
        assertNotEquals(first.token(), next.token());
        assertEquals(first.handle(), next.handle(), "same family");
        assertEquals(first.expiresAt(), next.expiresAt(), "rotation does not extend the family");
        assertEquals(Tokens.digest(next.token()), rig.registry.rows.get(first.handle()).tokenDigest());
        assertTrue(families.refresh(next.token(), IP).rotated(), "the next one works, once");
    }

    @Test
    void refreshWhenTheTokenJustReplacedWithinGraceThenRefusedAndTheFamilyLives() {
        RefreshToken first = families.issue("alice", IP, null);
        RefreshToken next = families.refresh(first.token(), IP).next().orElseThrow();
        rig.clock.advance(Duration.ofSeconds(5));

        assertEquals(Refresh.Outcome.SUPERSEDED, families.refresh(first.token(), IP).outcome());
        assertTrue(rig.registry.isLive(first.handle()));
        assertTrue(families.refresh(next.token(), IP).rotated(), "the newest token still works");
    }

    @Test
    void refreshWhenTheTokenJustReplacedAfterGraceThenReuseEndsTheFamily() {
        RefreshToken first = families.issue("alice", IP, null);
        RefreshToken next = families.refresh(first.token(), IP).next().orElseThrow();
        rig.clock.advance(Duration.ofSeconds(5).plusMillis(1));

        assertEquals(Refresh.Outcome.REUSED, families.refresh(first.token(), IP).outcome());

        assertEquals(EndReason.REFRESH_REUSE, rig.registry.rows.get(first.handle()).endReason());
        assertEquals(EndReason.REFRESH_REUSE, rig.ended.fired.get(0).reason());
        assertEquals(Refresh.Outcome.ENDED, families.refresh(next.token(), IP).outcome(), "the thief's copy is dead too");
    }

    @Test
    void refreshWhenAnOlderGenerationWithinGraceThenReuseEndsTheFamily() {
        RefreshToken first = families.issue("alice", IP, null);
        RefreshToken second = families.refresh(first.token(), IP).next().orElseThrow();
        RefreshToken third = families.refresh(second.token(), IP).next().orElseThrow();

        assertEquals(Refresh.Outcome.REUSED, families.refresh(first.token(), IP).outcome(),
                "only the immediately previous token is tolerated, never older ones");
        assertFalse(rig.registry.isLive(first.handle()));
        assertEquals(Refresh.Outcome.ENDED, families.refresh(third.token(), IP).outcome());
    }

    @Test
    void refreshWhenGraceIsZeroThenTheTokenJustReplacedIsReuse() {
        SessionRig strict = new SessionRig(Configuration.with(SettingsLoader.load(key -> null,
                Map.of("SIGNOFF_REFRESH_GRACE", "0"), Map.of())));
        RefreshFamilies f = families(strict);
        RefreshToken first = f.issue("alice", IP, null);
        f.refresh(first.token(), IP);

        assertEquals(Refresh.Outcome.REUSED, f.refresh(first.token(), IP).outcome());
    }

    @Test
    void refreshWhenMalformedOrUnknownThenUnknownAndNothingRead() {
        rig.registry.down = new IllegalStateException("not asked");
        for (String bad : new String[]{null, "", "x", "a".repeat(44), "!".repeat(43), "a".repeat(42) + "="}) {
            assertEquals(Refresh.Outcome.UNKNOWN, families.refresh(bad, IP).outcome(), String.valueOf(bad));
        }
        rig.registry.down = null;
        assertEquals(Refresh.Outcome.UNKNOWN, families.refresh(Tokens.newToken(), IP).outcome());
    }

    @Test
    void refreshWhenASessionTokenIsPresentedThenUnknown() {
        String sessionToken = Tokens.newToken();
        rig.registry.open(new dev.signoff.registry.NewSession(Tokens.newHandle(), Tokens.digest(sessionToken), "alice",
                Purpose.SESSION, rig.clock.millis(), rig.clock.millis() + 60_000, rig.clock.millis() + 60_000, IP, null));

        assertEquals(Refresh.Outcome.UNKNOWN, families.refresh(sessionToken, IP).outcome());
    }

    @Test
    void refreshWhenTheFamilyWasEndedOrExpiredThenEndedAndNoToken() {
        RefreshToken loggedOut = families.issue("alice", IP, null);
        rig.terminator.endAll("alice", Optional.empty(), EndReason.LOGOUT_ALL, IP);
        assertEquals(Refresh.Outcome.ENDED, families.refresh(loggedOut.token(), IP).outcome());

        RefreshToken old = families.issue("alice", IP, null);
        rig.clock.advance(Duration.ofDays(1));
        assertEquals(Refresh.Outcome.ENDED, families.refresh(old.token(), IP).outcome());
        assertEquals(EndReason.ABSOLUTE_TIMEOUT, rig.registry.rows.get(old.handle()).endReason());
    }

    @Test
    void revokeWhenCurrentThenTheFamilyEndsAsLogoutAndOnlyIt() {
        RefreshToken phone = families.issue("alice", IP, null);
        RefreshToken laptop = families.issue("alice", IP, null);

        assertTrue(families.revoke(phone.token(), IP).isPresent());
        assertFalse(families.revoke(phone.token(), IP).isPresent(), "once");
        assertFalse(families.revoke("garbage", IP).isPresent());

        assertEquals(EndReason.LOGOUT, rig.registry.rows.get(phone.handle()).endReason());
        assertEquals(Refresh.Outcome.ENDED, families.refresh(phone.token(), IP).outcome());
        assertTrue(families.refresh(laptop.token(), IP).rotated(), "the other device keeps its family");
    }

    @Test
    void refreshWhenRegistryDownThenThrowsAndNothingIssued() {
        RefreshToken first = families.issue("alice", IP, null);
        rig.registry.down = new IllegalStateException("database down");

        assertThrows(IllegalStateException.class, () -> families.refresh(first.token(), IP));
        assertThrows(IllegalStateException.class, () -> families.issue("alice", IP, null));

        rig.registry.down = null;
        assertTrue(families.refresh(first.token(), IP).rotated(), "the token was not spent");
    }

    @Test
    void refreshWhenManyRaceWithOneTokenThenExactlyOneRotatesAndTheFamilyLives() throws Exception {
        RefreshToken first = families.issue("alice", IP, null);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Refresh>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return families.refresh(first.token(), IP);
            }));
        }
        go.countDown();
        List<Refresh.Outcome> outcomes = new ArrayList<>();
        for (Future<Refresh> f : results) {
            outcomes.add(f.get().outcome());
        }
        pool.shutdown();

        assertEquals(1, outcomes.stream().filter(o -> o == Refresh.Outcome.ROTATED).count(), outcomes::toString);
        assertEquals(racers - 1, outcomes.stream().filter(o -> o == Refresh.Outcome.SUPERSEDED).count(), outcomes::toString);
        assertTrue(rig.registry.isLive(first.handle()));
    }
}
