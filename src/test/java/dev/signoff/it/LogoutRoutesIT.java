package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logout routes with two and more devices, replayed cookies, and the contract's request rules. */
class LogoutRoutesIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("routes");
    }

    @Test
    void logOutEndsOnlyThisDevice() {
        Device one = signedIn("alice");
        Device two = signedIn("alice");
        Response r = logOut(one, "/log_out", Map.of());
        assertEquals(303, r.status(), r::toString);
        assertEquals(one.contextPath() + "/", r.location());
        assertSignedOut(one);
        assertSignedIn(two, "alice");
    }

    @Test
    void logOutAllEndsEveryDeviceOfTheUserOnly() {
        Device one = signedIn("alice");
        Device two = signedIn("alice");
        Device bob = signedIn("bob");
        Response r = logOut(one, "/log_out/all", Map.of(), "Accept", JSON);
        assertEquals(204, r.status(), r::toString);
        assertSignedOut(one);
        assertSignedOut(two);
        assertSignedIn(bob, "bob");
    }

    @Test
    void logOutAllKeepCurrentEndsTheOthersOnly() {
        Device one = signedIn("alice");
        Device two = signedIn("alice");
        Device three = signedIn("alice");
        Response r = logOut(one, "/log_out/all", Map.of("keep_current", "true"));
        assertEquals(303, r.status(), r::toString);
        assertSignedIn(one, "alice");
        assertSignedOut(two);
        assertSignedOut(three);
    }

    @Test
    void deleteMethodLogsOutToo() {
        Device one = signedIn("bob");
        Response r = one.delete("/sessions/log_out", "Accept", JSON);
        assertEquals(204, r.status(), r::toString);
        assertSignedOut(one);
    }

    @Test
    void copiedCookiesAreWorthlessAfterLogout() {
        Device victim = signedIn("alice");
        Device thief = victim.copy();
        assertSignedIn(thief, "alice");
        logOut(victim, "/log_out", Map.of());
        assertSignedOut(thief);
    }

    @Test
    void copiedCookiesOfAnotherDeviceAreWorthlessAfterLogOutEverywhere() {
        Device laptop = signedIn("alice");
        Device phone = signedIn("alice");
        Device thief = phone.copy();
        logOut(laptop, "/log_out/all", Map.of());
        assertSignedOut(thief);
        assertSignedOut(phone);
    }

    /**
     * A server may keep the login in a cookie of its own, shared by all the user's logins (Open
     * Liberty's LtpaToken2): without a session of its own it must get nobody in, and refusing it
     * must not sign out the device it was copied from. (Where the HttpSession holds the login, the
     * thief is left with no cookie at all.)
     */
    @Test
    void cookiesCopiedWithoutTheSessionCookieAreWorthless() {
        Device victim = signedIn("alice");
        Device thief = victim.copy();
        thief.removeCookie("JSESSIONID");
        assertSignedOut(thief);
        assertSignedIn(victim, "alice");
    }

    @Test
    void crossSitePostIsRefusedAndChangesNothing() {
        Device alice = signedIn("alice");
        Response byOrigin = logOut(alice, "/log_out/all", Map.of(), "Origin", "http://evil.example");
        assertEquals(403, byOrigin.status(), byOrigin::toString);
        Response byFetchSite = logOut(alice, "/log_out", Map.of(), "Sec-Fetch-Site", "cross-site");
        assertEquals(403, byFetchSite.status(), byFetchSite::toString);
        assertSignedIn(alice, "alice");
        Response sameOrigin = logOut(alice, "/log_out", Map.of(), "Origin", alice.origin(), "Sec-Fetch-Site", "same-origin");
        assertEquals(303, sameOrigin.status(), sameOrigin::toString);
        assertSignedOut(alice);
    }

    @Test
    void postWithCookiesAndNeitherOriginNorFetchSiteIsJudgedByItsReferer() {
        Device alice = signedIn("alice");
        Response foreignReferer = logOut(alice, "/log_out/all", Map.of(), "Referer", "http://evil.example/forged.html");
        assertEquals(403, foreignReferer.status(), foreignReferer::toString);
        assertSignedIn(alice, "alice");

        Response script = logOut(alice, "/log_out", Map.of(), "Accept", JSON); // curl -b cookies.txt: accepted by default
        assertEquals(204, script.status(), script::toString);
        assertSignedOut(alice);
    }

    @Test
    void ownPagesScriptAndJsonWhenServedThenNotSniffedAndThePagesNotFramed() {
        Device alice = signedIn("alice");
        for (String path : new String[] {"/sessions/log_out", "/sessions/log_out/all", "/sessions/log_out/all/get"}) {
            Response page = alice.get(path);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""), page::toString);
            String policy = page.header("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'none'"), page::toString);
        }
        for (Response r : new Response[] {alice.get("/sessions/signoff.js"), alice.get("/sessions/api", "Accept", JSON),
                device().get("/sessions/api", "Accept", JSON), logOut(alice, "/log_out", Map.of(), "Sec-Fetch-Site", "cross-site")}) {
            assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(""), r::toString);
        }
    }

    @Test
    void methodsARouteDoesNotServeGet405WithAllowAndChangeNothing() {
        // (TRACE is refused by some servers themselves, Liberty with 403, before any servlet.)
        Device alice = signedIn("alice");
        for (String[] call : new String[][] {{"PATCH", "/sessions/log_out"}, {"PUT", "/sessions/log_out/all"},
                {"PUT", "/sessions/log_out"}, {"PATCH", "/sessions/signoff.js"}, {"PATCH", "/sessions/api/events"},
                {"HEAD", "/sessions/log_out/all/get?token=" + "a".repeat(43)}}) {
            Response r = alice.send(call[0], call[1], "Accept", JSON);
            assertEquals(405, r.status(), () -> call[0] + " " + call[1] + ": " + r);
            assertTrue(r.header("Allow").orElse("").contains("GET"), () -> call[0] + " " + call[1] + ": " + r);
        }
        Response patch = alice.send("PATCH", "/sessions/log_out", "Accept", JSON);
        assertEquals("method_not_allowed", SessionsApi.error(patch));
        assertEquals("GET, POST, DELETE, OPTIONS", patch.header("Allow").orElse(""), patch::toString);
        for (String[] call : new String[][] {{"PATCH", "/app/sessions"}, {"PATCH", "/login"}, {"PUT", "/app/"}, {"PUT", "/app/account/password"}}) {
            Response r = alice.send(call[0], call[1]);
            assertEquals(405, r.status(), () -> "demo " + call[0] + " " + call[1] + ": " + r);
            assertTrue(r.header("Allow").isPresent(), r::toString);
        }
        assertSignedIn(alice, "alice");
    }

    @Test
    void loginWhenItsResponseSetsTheSessionCookieThenItCarriesSameSiteAndHttpOnly() {
        Device d = device();
        Response login = d.post("/login", Map.of("username", "alice", "password", "alice-pw"));

        assertEquals(303, login.status(), login::toString);
        List<String> session = login.setCookies().stream().filter(h -> h.startsWith("JSESSIONID=")).toList();
        assertFalse(session.isEmpty(), login::toString);
        assertTrue(session.stream().allMatch(h -> h.contains("SameSite=Lax") && h.contains("HttpOnly")), session::toString);
    }

    /**
     * The visitor's first session cookie, which Jakarta Security's LoginToContinue sets to keep the
     * protected page asked for, in an answer that goes out before any filter (GlassFish left
     * SameSite out of it).
     */
    @Test
    void protectedPageWhenAnonymousThenTheSessionCookieItSetsCarriesSameSite() {
        Response page = device().get("/app/");

        assertTrue(page.status() == 302 || page.status() == 303, page::toString);
        List<String> session = page.setCookies().stream().filter(h -> h.startsWith("JSESSIONID=")).toList();
        assertTrue(session.stream().allMatch(h -> h.contains("SameSite=Lax") && h.contains("HttpOnly")), session::toString);
    }

    @Test
    void getWithoutTokenChangesNothingAndOffersAPostForm() {
        Device alice = signedIn("alice");
        for (String path : new String[] {"/sessions/log_out", "/sessions/log_out/all/get", "/sessions/log_out/all/get?token=forged"}) {
            Response page = alice.get(path);
            assertEquals(200, page.status(), page::toString);
            assertTrue(page.body().contains("method=\"post\""), page::toString);
        }
        assertSignedIn(alice, "alice");
    }

    @Test
    void oneTimeTokenLogsOutEverywhereOnceAndOnlyForItsSession() {
        Device alice = signedIn("alice");
        Device other = signedIn("alice");
        String url = logOutAllUrl(alice);
        String path = url.substring(alice.contextPath().length());
        assertFalse(url.contains(alice.cookie("JSESSIONID").orElseThrow().value()), "no session id in the URL");

        Response foreign = other.get(path);
        assertEquals(200, foreign.status(), "a token is bound to the session it was issued in: " + foreign);
        assertSignedIn(other, "alice");

        Response used = alice.get(path);
        assertEquals(303, used.status(), used::toString);
        assertSignedOut(alice);
        assertSignedOut(other);

        Device again = signedIn("alice");
        Response replay = again.get(path);
        assertEquals(200, replay.status(), "a used token is spent: " + replay);
        assertSignedIn(again, "alice");
    }

    @Test
    void nextIsHonouredOnlyForSameOriginPaths() {
        String[][] cases = {
                {"/app/?bye=1", "/app/?bye=1"},
                {"//evil.example/x", null},
                {"/\\evil.example", null},
                {"https://evil.example/", null},
                {"javascript:alert(1)", null},
        };
        for (String[] c : cases) {
            Device d = signedIn("bob");
            Response r = logOut(d, "/log_out", Map.of("next", c[0]));
            assertEquals(303, r.status(), r::toString);
            assertEquals(c[1] != null ? c[1] : d.contextPath() + "/", r.location(), "next=" + c[0]);
        }
    }

    @Test
    void anonymousLogoutSucceeds() {
        Device nobody = device();
        Response html = logOut(nobody, "/log_out", Map.of());
        assertEquals(303, html.status(), html::toString);
        Response json = logOut(nobody, "/log_out/all", Map.of(), "X-Requested-With", "XMLHttpRequest");
        assertEquals(204, json.status(), json::toString);
        nobody.setCookie("JSESSIONID", "not-a-session");
        assertEquals(303, logOut(nobody, "/log_out", Map.of()).status());
    }

    @Test
    void sessionIdIsRotatedAtLogin() {
        Device attacker = device();
        attacker.get("/app/");
        String planted = attacker.cookie("JSESSIONID").map(Device.Cookie::value).orElse(null);
        Device victim = attacker.copy();
        victim.login("alice", "alice-pw");
        String after = victim.cookie("JSESSIONID").orElseThrow().value();
        assertNotEquals(planted, after, "the session id must change at login");
        assertSignedIn(victim, "alice");
        Response fixed = attacker.get("/api/me", "Accept", JSON);
        assertEquals(401, fixed.status(), () -> "the planted id must not be signed in: " + fixed);
    }

    @Test
    void logoutResponseClearsSiteDataAndForbidsCaching() {
        Device d = signedIn("bob");
        Response page = d.get("/app/");
        assertEquals("no-store", page.header("Cache-Control").orElse(""), "authenticated pages are not cached");
        Response r = logOut(d, "/log_out", Map.of());
        assertEquals("\"storage\"", r.header("Clear-Site-Data").orElse(""));
        assertEquals("no-store", r.header("Cache-Control").orElse(""));
    }

    /** server-config/ and the demo switch them off: no answer names the server's or Java's version. */
    @Test
    void answersWhenAnyThenNoVersionBanners() {
        Device d = signedIn("alice");
        for (Response r : List.of(device().get("/login"), d.get("/app/"), d.get("/sessions/log_out"),
                d.get("/sessions/api", "Accept", JSON), device().get("/no-such-page"))) {
            assertTrue(r.header("X-Powered-By").isEmpty(), r::toString);
            assertFalse(r.header("Server").orElse("").matches(".*\\d.*"), () -> "a version in the Server header: " + r);
        }
    }

    @Test
    void garbageCookiesNeverCauseServerErrors() {
        String[] values = {
                "' OR '1'='1'; DROP TABLE SIGNOFF_SESSION; --",
                "x".repeat(6000),
                "%00%ff\u00e9\u00fc",
                "\"quoted\"",
                "a=b=c",
        };
        for (String value : values) {
            Device d = device();
            d.setCookie("JSESSIONID", value);
            d.setCookie("remember_me", value);
            assertNoServerError(d.get("/app/"));
            assertNoServerError(d.get("/api/me", "Accept", JSON));
            assertNoServerError(logOut(d, "/log_out", Map.of()));
            assertNoServerError(logOut(d, "/log_out/all", Map.of(), "Accept", JSON));
            assertNoServerError(d.get("/sessions/log_out/all/get?token=" + "A".repeat(43)));
        }
    }

    /**
     * The demo's back-channel logout route is live for its Keycloak address even when no Keycloak runs
     * there: a token naming that issuer cannot be checked (no keys) and gets 400, like garbage; the
     * demo's own login is untouched.
     */
    @Test
    void backchannelLogoutWhenNoProviderRunsThenEveryToken400AndNothingEnds() {
        Device alice = signedIn("alice");
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\",\"kid\":\"k\"}".getBytes());
        String claims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"http://localhost:8090/realms/signoff\","
                + "\"aud\":\"demo\",\"sub\":\"alice\",\"jti\":\"j\",\"iat\":" + System.currentTimeMillis() / 1000
                + ",\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}").getBytes());
        for (String token : List.of(header + "." + claims + ".c2lnbmF0dXJl", "garbage", "")) {
            Response r = device().post("/sessions/oidc/backchannel-logout", Map.of("logout_token", token));
            assertEquals(400, r.status(), r::toString);
            assertTrue(r.body().contains("\"error\":\"invalid_request\""), r::toString);
        }
        assertEquals(405, device().get("/sessions/oidc/backchannel-logout").status());
        assertSignedIn(alice, "alice");
    }
}
