package dev.signoff.logout;

import dev.signoff.events.EndReason;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionRig;
import dev.signoff.session.Verdict;
import dev.signoff.testing.FakeRequest;
import dev.signoff.testing.FakeResponse;
import dev.signoff.testing.FakeSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logout as its steps run it, over session control wired with the in-memory registry. */
class LogoutTest {
    private final SessionRig rig = new SessionRig();
    private final Logout logout = LogoutTestAccess.logout(rig);
    private final FakeResponse response = new FakeResponse();

    @Test
    void currentWhenSignedInThenRegistryContainerSessionCookiesAndHeadersAreAllDone() {
        SessionBinding s = rig.open("alice");
        FakeRequest request = signedIn(s);
        FakeSession session = request.session;

        logout.current(request.proxy(), response.proxy(), EndReason.LOGOUT);

        assertFalse(rig.registry.isLive(s.handle()));
        assertEquals(1, request.logouts, "request.logout()");
        assertTrue(session.invalidated);
        assertTrue(response.headers("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=;") && c.contains("Max-Age=0")
                && c.contains("Path=/app")), response.headers("Set-Cookie").toString());
        assertEquals("\"storage\"", response.header("Clear-Site-Data"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals(Boolean.TRUE, request.attributes.get(Logout.ENDED_HERE));
    }

    @Test
    void currentWhenRegistryDownThenLocalStepsStillRunAndTheSessionIsRefusedHere() {
        SessionBinding s = rig.open("alice");
        FakeRequest request = signedIn(s);
        rig.registry.down = new IllegalStateException("database down");

        logout.current(request.proxy(), response.proxy(), EndReason.LOGOUT);

        assertTrue(request.session.invalidated);
        assertEquals(1, request.logouts);
        assertEquals(Verdict.dead(EndReason.LOGOUT), rig.checker.check(s.digest()));
        assertEquals(1, rig.pending.size(), "queued for the registry");
        assertEquals("unreachable", response.header("SignOff-Registry"), "the answer says so");
    }

    @Test
    void everywhereWhenKeepingCurrentThenOnlyTheOthersEndAndTheCallerStaysSignedIn() {
        SessionBinding mine = rig.open("bob");
        SessionBinding phone = rig.open("bob");
        FakeRequest request = signedIn(mine);

        int ended = logout.everywhere(request.proxy(), response.proxy(), true);

        assertEquals(1, ended);
        assertTrue(rig.registry.isLive(mine.handle()));
        assertFalse(rig.registry.isLive(phone.handle()));
        assertEquals(0, request.logouts);
        assertFalse(request.session.invalidated);
        assertNull(response.header("Set-Cookie"), "no cookie touched");
        assertNull(response.header("SignOff-Registry"), "the registry answered");
    }

    @Test
    void everywhereWhenNotKeepingThenAllEndAndTheCallerIsLoggedOutHere() {
        SessionBinding mine = rig.open("bob");
        SessionBinding phone = rig.open("bob");
        FakeRequest request = signedIn(mine);

        int ended = logout.everywhere(request.proxy(), response.proxy(), false);

        assertEquals(2, ended);
        assertFalse(rig.registry.isLive(mine.handle()));
        assertFalse(rig.registry.isLive(phone.handle()));
        assertTrue(request.session.invalidated);
        assertEquals(EndReason.LOGOUT_ALL, rig.registry.rows.get(phone.handle()).endReason());
    }

    @Test
    void everywhereWhenRegistryDownAndNotKeepingThenTheCallersOwnSessionIsRefusedHereAtOnce() {
        SessionBinding mine = rig.open("bob");
        FakeRequest request = signedIn(mine);
        rig.registry.down = new IllegalStateException("database down");

        logout.everywhere(request.proxy(), response.proxy(), false);

        assertEquals(Verdict.dead(EndReason.LOGOUT_ALL), rig.checker.check(mine.digest()));
        assertEquals(1, rig.pending.size());
    }

    @Test
    void currentWhenContainerLoginNotYetBoundThenLocalStepsRunAndNoRegistryRowIsTouched() {
        SessionBinding other = rig.open("carol");
        FakeRequest request = FakeRequest.get("/").withSession().signedIn("carol");

        logout.current(request.proxy(), response.proxy(), EndReason.LOGOUT);

        assertTrue(rig.registry.isLive(other.handle()), "only the caller's own session ends");
        assertEquals(1, request.logouts);
        assertTrue(request.session.invalidated);
    }

    @Test
    void localWhenResponseIsCommittedThenNoHeaderIsSetButTheSessionStillEnds() {
        FakeRequest request = FakeRequest.get("/").withSession().signedIn("dave");
        response.committed = true;

        logout.local(request.proxy(), response.proxy());

        assertTrue(request.session.invalidated);
        assertEquals(List.of(), List.copyOf(response.headers.keySet()));
    }

    @Test
    void localWhenThereIsNoResponseThenTheContainerLoginAndSessionStillEnd() {
        FakeRequest request = FakeRequest.get("/").withSession().signedIn("erin");

        logout.local(request.proxy(), null);

        assertEquals(1, request.logouts);
        assertTrue(request.session.invalidated);
    }

    private static FakeRequest signedIn(SessionBinding binding) {
        FakeRequest request = FakeRequest.get("/").withSession().signedIn(binding.user());
        request.session.attributes.put(SessionBinding.ATTRIBUTE, binding);
        return request;
    }
}
