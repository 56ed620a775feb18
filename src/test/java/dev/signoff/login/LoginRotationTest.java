package dev.signoff.login;

import dev.signoff.login.LoginRotation.Claim;
import dev.signoff.testing.FakeRequest;
import dev.signoff.testing.FakeSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginRotationTest {

    @Test
    void rotateWhenSessionThenNewIdAndMarkForTheUser() {
        FakeRequest r = FakeRequest.get("/login").withSession();
        String before = r.session.id;

        LoginRotation.rotate(r.proxy(), "alice");

        assertNotEquals(before, r.session.id);
        assertEquals(new LoginMark("alice", null), r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void rotateWhenCalledTwiceInOneRequestThenIdChangedOnce() {
        FakeRequest r = FakeRequest.get("/login").withSession();

        LoginRotation.rotate(r.proxy(), "alice");
        LoginRotation.rotate(r.proxy(), "alice");

        assertEquals(1, r.rotations);
    }

    /** GlassFish keeps a session "new" until its first request ends, which may be after the next one started. */
    @Test
    void rotateWhenSessionCameWithTheRequestThenNewIdEvenIfStillNew() {
        FakeSession session = new FakeSession();
        session.isNew = true;
        FakeRequest r = nextRequestOf(session, session.id);

        LoginRotation.rotate(r.proxy(), "alice");

        assertEquals(1, r.rotations);
    }

    @Test
    void rotateWhenSessionCreatedInThisRequestThenMarkedWithoutNewId() {
        FakeRequest r = FakeRequest.get("/login").withSession();
        r.session.isNew = true;

        LoginRotation.rotate(r.proxy(), "alice");

        assertEquals(0, r.rotations);
        assertTrue(LoginRotation.marked(r.session.proxy(), "alice"));
    }

    @Test
    void rotateWhenNoSessionThenNothingCreated() {
        FakeRequest r = FakeRequest.get("/login");

        LoginRotation.rotate(r.proxy(), "alice");

        assertNull(r.session);
        assertEquals(0, r.rotations);
    }

    @Test
    void claimWhenTheLoginWasMadeInThisRequestThenBindOnce() {
        FakeRequest r = FakeRequest.get("/auth").withSession();
        LoginRotation.rotate(r.proxy(), "alice");

        assertEquals(Claim.BIND, LoginRotation.claim(r.proxy(), r.session.proxy(), "alice"));
        assertFalse(LoginRotation.marked(r.session.proxy(), "alice"), "a mark vouches for one binding");
    }

    @Test
    void claimWhenNextRequestComesWithTheIdTheLoginGaveThenBind() {
        FakeSession session = loggedIn("alice");

        assertEquals(Claim.BIND, LoginRotation.claim(nextRequest(session, session.id), session.proxy(), "alice"));
    }

    /** GlassFish completes a form login on the next request and changes the id there, before any filter runs. */
    @Test
    void claimWhenContainerChangedTheIdEarlierInThisRequestThenStillBind() {
        FakeSession session = loggedIn("carol");
        String given = session.id;
        session.id = given + "-by-glassfish";

        assertEquals(Claim.BIND, LoginRotation.claim(nextRequest(session, given), session.proxy(), "carol"));
    }

    /** The attacker's request, matched to the session by the planted id just before the login changed it. */
    @Test
    void claimWhenRequestCameWithAnOlderIdThenNotTheHolderAndMarkKept() {
        FakeSession session = loggedIn("alice");

        assertEquals(Claim.NOT_HOLDER, LoginRotation.claim(nextRequest(session, "planted-id"), session.proxy(), "alice"));
        assertTrue(LoginRotation.marked(session.proxy(), "alice"), "the victim's own next request still binds");
    }

    /** A request running while the login's request has not ended yet cannot know the new id. */
    @Test
    void claimWhenLoginRequestStillRunningThenNotTheHolder() {
        FakeRequest login = FakeRequest.get("/j_security_check").withSession();
        LoginRotation.rotate(login.proxy(), "alice");

        assertEquals(Claim.NOT_HOLDER, LoginRotation.claim(nextRequest(login.session, "planted-id"), login.session.proxy(), "alice"));
    }

    @Test
    void claimWhenMarkedForAnotherUserThenUnseen() {
        FakeSession session = loggedIn("alice");

        assertEquals(Claim.UNSEEN, LoginRotation.claim(nextRequest(session, session.id), session.proxy(), "mallory"));
    }

    @Test
    void claimWhenMarkNamesNoUserThenAnyCaller() {
        FakeSession session = loggedIn(null);

        assertEquals(Claim.BIND, LoginRotation.claim(nextRequest(session, session.id), session.proxy(), "carol"));
    }

    @Test
    void claimWhenUnmarkedSessionTheClientAlreadyKnewThenUnseen() {
        FakeSession session = new FakeSession();

        assertEquals(Claim.UNSEEN, LoginRotation.claim(nextRequest(session, session.id), session.proxy(), "alice"));
    }

    @Test
    void claimWhenUnmarkedSessionCreatedInThisRequestThenBind() {
        FakeSession session = new FakeSession();
        session.isNew = true;
        FakeRequest created = FakeRequest.get("/app/");
        created.session = session;

        assertEquals(Claim.BIND, LoginRotation.claim(created.proxy(), session.proxy(), "alice"));
    }

    @Test
    void sessionlessWhenRequestCameWithoutSessionThenBind() {
        assertEquals(Claim.BIND, LoginRotation.sessionless(FakeRequest.get("/app/").proxy()));
    }

    /** A concurrent request invalidated the session this request was matched to: its login is gone, not new. */
    @Test
    void sessionlessWhenTheSessionItCameWithEndedMeanwhileThenNotTheHolder() {
        FakeRequest r = FakeRequest.get("/app/");
        r.attributes.put(LoginState.ATTRIBUTE, new LoginState("gone", false));

        assertEquals(Claim.NOT_HOLDER, LoginRotation.sessionless(r.proxy()));
    }

    @Test
    void heldUnderReplacedIdWhenIdChangedByAnotherRequestThenTrue() {
        FakeSession session = new FakeSession();
        FakeRequest r = nextRequestOf(session, session.id);
        session.id = "replaced";

        assertTrue(LoginRotation.heldUnderReplacedId(r.proxy()));
    }

    /** Open Liberty's cookie carries the id as {@code 0000<id>:<clone>}, WildFly's as {@code <id>.<route>}. */
    @Test
    void claimWhenClientSentTheIdDecoratedThenStillBind() {
        FakeSession session = loggedIn("alice");

        assertEquals(Claim.BIND, LoginRotation.claim(nextRequest(session, "0000" + session.id + ":clone1"), session.proxy(), "alice"));
        assertFalse(LoginRotation.heldUnderReplacedId(nextRequest(session, session.id + ".node1")));
    }

    @Test
    void heldUnderReplacedIdWhenSameIdOrChangedHereThenFalse() {
        FakeSession session = new FakeSession();
        assertFalse(LoginRotation.heldUnderReplacedId(nextRequest(session, session.id)));

        FakeRequest r = nextRequestOf(session, session.id);
        LoginRotation.rotate(r.proxy(), "alice");
        assertFalse(LoginRotation.heldUnderReplacedId(r.proxy()));
    }

    /** A session whose login request ended: the mark names the id that request's response gave. */
    private static FakeSession loggedIn(String user) {
        FakeRequest login = FakeRequest.get("/login").withSession();
        LoginRotation.rotate(login.proxy(), user);
        LoginRotation.issued(LoginState.of(login.proxy()), login.session.proxy());
        assertEquals(login.session.id, ((LoginMark) login.session.attributes.get(LoginRotation.MARK)).id());
        return login.session;
    }

    private static jakarta.servlet.http.HttpServletRequest nextRequest(FakeSession session, String cameWith) {
        return nextRequestOf(session, cameWith).proxy();
    }

    private static FakeRequest nextRequestOf(FakeSession session, String cameWith) {
        FakeRequest r = FakeRequest.get("/app/");
        r.session = session;
        r.attributes.put(LoginState.ATTRIBUTE, new LoginState(cameWith, false));
        return r;
    }
}
