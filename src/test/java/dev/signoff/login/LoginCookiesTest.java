package dev.signoff.login;

import dev.signoff.cookies.CookieSpec;
import dev.signoff.testing.FakeRequest;
import dev.signoff.testing.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests a login cookie may authenticate, and how the request that logs in is noted. */
class LoginCookiesTest {
    private static final List<CookieSpec> LTPA = List.of(CookieSpec.parse("LtpaToken2; Path=/; HttpOnly"));

    @Test
    void carriedWhenRequestHasTheCookieThenTrue() {
        assertTrue(LoginCookies.carried(FakeRequest.get("/").cookie("JSESSIONID", "x").cookie("LtpaToken2", "t").proxy(), LTPA));
    }

    @Test
    void carriedWhenOnlyOtherCookiesThenFalse() {
        assertFalse(LoginCookies.carried(FakeRequest.get("/").cookie("JSESSIONID", "x").proxy(), LTPA));
    }

    @Test
    void carriedWhenNoLoginCookiesConfiguredThenFalse() {
        assertFalse(LoginCookies.carried(FakeRequest.get("/").cookie("LtpaToken2", "t").proxy(), List.of()));
    }

    @Test
    void withoutSessionWhenCookieButNoHttpSessionThenTrue() {
        assertTrue(LoginCookies.withoutSession(FakeRequest.get("/").cookie("LtpaToken2", "t").proxy(), LTPA));
    }

    @Test
    void withoutSessionWhenCookieAndHttpSessionThenFalse() {
        assertFalse(LoginCookies.withoutSession(FakeRequest.get("/").withSession().cookie("LtpaToken2", "t").proxy(), LTPA));
    }

    @Test
    void withoutSessionWhenNoLoginCookieThenFalse() {
        assertFalse(LoginCookies.withoutSession(FakeRequest.get("/").proxy(), LTPA));
    }

    @Test
    void noteLoginWhenRequestLoggedInThenSessionCreatedAndMarked() {
        FakeRequest r = FakeRequest.get("/login").signedIn("alice");

        LoginCookies.noteLogin(r.proxy(), new FakeResponse().proxy(), LTPA);

        assertTrue(LoginRotation.marked(r.session.proxy(), "alice"));
    }

    @Test
    void noteLoginWhenLoginCameWithASessionThenItsIdChanged() {
        FakeRequest r = FakeRequest.get("/login").withSession().signedIn("alice");
        String before = r.session.id;

        LoginCookies.noteLogin(r.proxy(), new FakeResponse().proxy(), LTPA);

        assertNotEquals(before, r.session.id);
        assertTrue(LoginRotation.marked(r.session.proxy(), "alice"));
    }

    @Test
    void noteLoginWhenStillAnonymousThenNoSession() {
        FakeRequest r = FakeRequest.get("/login");

        LoginCookies.noteLogin(r.proxy(), new FakeResponse().proxy(), LTPA);

        assertNull(r.session);
    }

    @Test
    void noteLoginWhenResponseCommittedThenNothingMarked() {
        FakeRequest r = FakeRequest.get("/login").withSession().signedIn("alice");
        FakeResponse response = new FakeResponse();
        response.committed = true;

        LoginCookies.noteLogin(r.proxy(), response.proxy(), LTPA);

        assertFalse(LoginRotation.marked(r.session.proxy(), "alice"));
        assertEquals(0, r.rotations);
    }

    @Test
    void noteLoginWhenNoLoginCookiesConfiguredThenNoSession() {
        FakeRequest r = FakeRequest.get("/login").signedIn("alice");

        LoginCookies.noteLogin(r.proxy(), new FakeResponse().proxy(), List.of());

        assertNull(r.session);
    }
}
