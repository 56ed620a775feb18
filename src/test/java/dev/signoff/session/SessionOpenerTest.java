package dev.signoff.session;

import dev.signoff.config.Configuration;
import dev.signoff.config.SettingsLoader;
import dev.signoff.events.EndReason;
import dev.signoff.limit.SessionLimitException;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.testing.FakeRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a registry session for a fresh login: rotation, the stored row, the event, the session limit. */
class SessionOpenerTest {

    @Test
    void openWhenFreshLoginThenIdRotatedRowStoredBoundAndAnnounced() {
        SessionRig rig = new SessionRig();
        FakeRequest request = FakeRequest.get("/").withSession().signedIn("alice");
        String before = request.session.id;

        SessionBinding binding = rig.opener.open(request.proxy(), null, "alice");

        assertNotEquals(before, request.session.id, "an id known before the login is worthless after it");
        assertSame(binding, request.session.attributes.get(SessionBinding.ATTRIBUTE));
        SessionSnapshot row = rig.registry.rows.get(binding.handle());
        assertEquals("alice", row.user());
        assertEquals(binding.digest(), row.tokenDigest());
        assertEquals(rig.clock.millis(), row.createdAt());
        assertEquals(rig.clock.millis() + Duration.ofMinutes(30).toMillis(), row.idleExpiresAt());
        assertEquals(rig.clock.millis() + Duration.ofHours(12).toMillis(), row.absoluteExpiresAt());
        assertEquals("203.0.113.7", row.ip());
        assertEquals(1, rig.started.fired.size());
        assertEquals(binding.handle(), rig.started.fired.get(0).handle());
    }

    @Test
    void openWhenAlreadyBoundToTheUserThenTheSameBindingAndNoSecondRow() {
        SessionRig rig = new SessionRig();
        FakeRequest request = FakeRequest.get("/").withSession().signedIn("alice");

        SessionBinding first = rig.opener.open(request.proxy(), null, "alice");
        SessionBinding second = rig.opener.open(request.proxy(), null, "alice");

        assertSame(first, second);
        assertEquals(1, rig.registry.rows.size());
        assertEquals(1, request.rotations);
    }

    @Test
    void openWhenOverTheLimitThenTheLeastRecentlyUsedSessionEndsWithReasonLimit() {
        SessionRig rig = new SessionRig(limit("2", "end-least-recent"));
        SessionBinding oldest = rig.open("bob");
        rig.clock.advance(Duration.ofMinutes(1));
        SessionBinding newer = rig.open("bob");
        rig.clock.advance(Duration.ofMinutes(1));

        SessionBinding opened = rig.opener.open(FakeRequest.get("/").withSession().proxy(), null, "bob");

        assertEquals(EndReason.LIMIT, rig.registry.rows.get(oldest.handle()).endReason());
        assertTrue(rig.registry.isLive(newer.handle()));
        assertTrue(rig.registry.isLive(opened.handle()));
    }

    @Test
    void openWhenAtTheLimitAndPolicyRefusesThenNothingIsStoredAndTheSessionIsNotRotated() {
        SessionRig rig = new SessionRig(limit("1", "refuse"));
        SessionBinding existing = rig.open("carol");
        FakeRequest request = FakeRequest.get("/").withSession().signedIn("carol");

        SessionLimitException refused = assertThrows(SessionLimitException.class,
                () -> rig.opener.open(request.proxy(), null, "carol"));

        assertEquals(1, refused.limit());
        assertEquals(1, rig.registry.rows.size());
        assertTrue(rig.registry.isLive(existing.handle()));
        assertEquals(0, request.rotations);
        assertFalse(request.session.attributes.containsKey(SessionBinding.ATTRIBUTE));
        assertTrue(rig.started.fired.isEmpty());
    }

    @Test
    void openWhenAConcurrentLogoutInvalidatesTheSessionMeanwhileThenNothingStaysBoundOrLive() {
        SessionRig rig = new SessionRig();
        FakeRequest request = FakeRequest.get("/").withSession().signedIn("dave");
        rig.started.observer = started -> request.session.invalidated = true; // between storing and binding

        assertThrows(SessionOpener.SessionInvalidated.class, () -> rig.opener.open(request.proxy(), null, "dave"));

        SessionSnapshot row = rig.registry.rows.values().iterator().next();
        assertEquals(EndReason.LOGOUT, row.endReason(), "the row stored for the lost login is ended");
        assertFalse(request.session.attributes.containsKey(SessionBinding.ATTRIBUTE));
    }

    private static Configuration limit(String max, String policy) {
        return Configuration.with(SettingsLoader.load(Map.of("signoff.max-sessions", max,
                "signoff.max-sessions.policy", policy)::get, Map.of(), Map.of()));
    }
}
