package dev.signoff;

import dev.signoff.events.EndReason;
import dev.signoff.logout.LogoutTestAccess;
import dev.signoff.registry.Tokens;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionRig;
import dev.signoff.testing.FakeRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade's user-based ends: what they end, what they refuse, and what the caller learns when the registry is down. */
class SignOffTest {
    private final SessionRig rig = new SessionRig();
    private final SignOff signOff = new SignOff();

    SignOffTest() {
        signOff.opener = rig.opener;
        signOff.terminator = rig.terminator;
        signOff.registry = rig.registry;
        signOff.configuration = rig.configuration;
        signOff.clock = rig.clock;
        signOff.logout = LogoutTestAccess.logout(rig);
    }

    @Test
    void logOutWhenTheHandleIsTheUsersThenEndedWithTheReason() {
        SessionBinding s = rig.open("alice");

        assertTrue(signOff.logOut("alice", s.handle(), EndReason.ADMIN));

        assertEquals(EndReason.ADMIN, rig.registry.rows.get(s.handle()).endReason());
    }

    @Test
    void logOutWhenTheHandleIsAnotherUsersOrUnknownOrMalformedThenFalseAndNothingEnds() {
        SessionBinding bobs = rig.open("bob");

        assertFalse(signOff.logOut("alice", bobs.handle()));
        assertFalse(signOff.logOut("alice", Tokens.newHandle()));
        assertFalse(signOff.logOut("alice", "../../etc"));

        assertTrue(rig.registry.isLive(bobs.handle()));
    }

    @Test
    void logOutEverywhereElseWhenKeepingOneThenTheOthersEnd() {
        SessionBinding kept = rig.open("carol");
        SessionBinding other = rig.open("carol");

        assertEquals(1, signOff.logOutEverywhereElse("carol", kept.handle()));

        assertTrue(rig.registry.isLive(kept.handle()));
        assertEquals(EndReason.LOGOUT_ALL, rig.registry.rows.get(other.handle()).endReason());
    }

    @Test
    void logOutEverywhereWhenRegistryDownThenSignOffExceptionAndTheEndIsQueued() {
        rig.open("dave");
        IllegalStateException down = new IllegalStateException("database down");
        rig.registry.down = down;

        SignOffException thrown = assertThrows(SignOffException.class,
                () -> signOff.logOutEverywhere("dave", EndReason.ADMIN));

        assertSame(down, thrown.getCause());
        assertEquals(1, rig.pending.size());
    }

    @Test
    @SuppressWarnings("removal")
    void deprecatedEndAllWhenCalledThenTheSameAsLogOutEverywhere() {
        SessionBinding a = rig.open("erin");
        SessionBinding b = rig.open("erin");

        assertEquals(1, signOff.endAll("erin", EndReason.ADMIN, Optional.of(a.handle())));

        assertTrue(rig.registry.isLive(a.handle()));
        assertFalse(rig.registry.isLive(b.handle()));
    }

    @Test
    void currentHandleWhenTheRequestsSessionIsAnotherUsersThenEmpty() {
        SessionBinding s = rig.open("frank");
        FakeRequest request = FakeRequest.get("/").withSession().signedIn("frank");
        request.session.attributes.put(SessionBinding.ATTRIBUTE, s);

        assertEquals(Optional.of(s.handle()), signOff.currentHandle(request.proxy(), "frank"));
        assertEquals(Optional.empty(), signOff.currentHandle(request.proxy(), "gina"));
        assertEquals(List.of(s.handle()), signOff.list(request.proxy()).stream().map(SessionInfo::handle).toList());
    }
}
