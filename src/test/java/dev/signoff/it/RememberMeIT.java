package dev.signoff.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.signoff.it.SessionsApi.list;
import static dev.signoff.it.SessionsApi.sessions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Remember me" on the demo's login form (Jakarta Security {@code @RememberMe}, SignOff's registry
 * as its store): the cookie signs the device in after its HttpSession is gone, is rotated on use,
 * the previous value still works within the grace window (here 2 s), an older one is theft and
 * ends every session of the user, logout on one device ends only its token and deletes its cookie,
 * log out everywhere ends them all.
 */
class RememberMeIT extends DemoIT {
    private static final String COOKIE = "JREMEMBERMEID";
    private static final String USER = "bob";
    /** The path the server gives the remember-me cookie: the context root (Soteria), or / (Liberty). */
    private String cookiePath;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("remember", "signoff.remember-me.grace", "2s").addClass(RegistryBackdoorServlet.class);
    }

    @BeforeEach
    void noLiveSessionsOfTheUser() {
        device().post("/test/revoke-in-database", Map.of("user", USER));
    }

    @Test
    void loginWhenRememberMeTickedThenTheCookieSignsInAfterTheSessionIsGoneAndIsListed() {
        String token = rememberedLogin();

        Device restarted = withOnly(token);
        Response page = restarted.get("/app/");

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains(USER), page::toString);
        JsonObject listed = list(restarted);
        assertTrue(sessions(listed).stream().anyMatch(s -> "remember_me".equals(s.getString("purpose"))), listed::toString);
    }

    @Test
    void loginWhenRememberMeTickedThenItsCookieCarriesSameSiteAndHttpOnly() {
        Device d = device();
        Response login = d.post("/login", Map.of("username", USER, "password", "bob-pw", "remember_me", "on"));

        String header = login.setCookies(COOKIE).stream().findFirst().orElseThrow(() -> new AssertionError(login.toString()));
        assertTrue(header.contains("SameSite=Lax") && header.contains("HttpOnly"), header);
        assertTrue(header.contains("Max-Age=") || header.contains("Expires="), () -> "a persistent cookie: " + header);
    }

    @Test
    void endWhenFromTheSessionListThenTheRememberMeTokenNoLongerSignsIn() {
        String token = rememberedLogin();
        Device laptop = signedIn(USER);
        String handle = sessions(list(laptop)).stream().filter(s -> "remember_me".equals(s.getString("purpose")))
                .findFirst().orElseThrow().getString("handle");

        Response end = laptop.delete("/sessions/api/" + handle, "Accept", JSON);

        assertEquals(204, end.status(), end::toString);
        assertRemembersNobody(token);
        assertSignedIn(laptop, USER);
    }

    @Test
    void loginWhenRememberMeNotTickedThenNoCookie() {
        Device d = device();
        Response login = d.post("/login", Map.of("username", USER, "password", "bob-pw"));

        assertEquals(303, login.status(), login::toString);
        assertTrue(d.cookie(COOKIE).isEmpty(), () -> "no remember-me cookie without the checkbox: " + login);
    }

    @Test
    void useWhenDueThenRotatedWithSameSiteAndThePreviousValueStillWorksWithinTheGraceWindow() throws Exception {
        String first = rememberedLogin();
        Thread.sleep(2_100);

        Device restarted = withOnly(first);
        Response page = restarted.get("/app/");
        String rotated = restarted.cookie(COOKIE).orElseThrow().value();

        assertEquals(200, page.status(), page::toString);
        assertNotEquals(first, rotated, "rotated on use");
        String header = page.setCookies(COOKIE).get(0);
        assertTrue(header.contains("SameSite=") && header.contains("HttpOnly"), header);
        // A restored tab and a parallel request still present the value just replaced:
        List<Future<Response>> parallel = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            parallel.add(pool.submit(() -> withOnly(first).get("/app/")));
        }
        for (Future<Response> f : parallel) {
            assertEquals(200, f.get().status(), () -> "the previous value within the grace window signs in");
        }
        pool.shutdown();
        assertSignedIn(restarted, USER);
    }

    @Test
    void useWhenAReplacedValueComesAfterTheGraceWindowThenTheftSignsEveryDeviceOut() throws InterruptedException {
        String stolen = rememberedLogin();
        Device other = signedIn(USER);
        Thread.sleep(2_100);
        Device thief = withOnly(stolen);
        assertEquals(200, thief.get("/app/").status(), "the thief uses the copy first: rotated to the thief");
        Thread.sleep(2_100);

        Response victim = withOnly(stolen).get("/app/");

        assertNoServerError(victim);
        assertTrue(victim.status() == 302 || victim.status() == 303, () -> "the stale value signs nobody in: " + victim);
        assertSignedOut(thief);
        assertSignedOut(other);
    }

    @Test
    void logoutWhenOnOneDeviceThenItsTokenEndsAndItsCookieIsDeletedTheOtherDeviceStays() {
        String phoneToken = rememberedLogin();
        String laptopToken = rememberedLogin();
        Device phone = withOnly(phoneToken);
        assertEquals(200, phone.get("/app/").status());

        Response out = logOut(phone, "/log_out", Map.of());

        assertEquals(303, out.status(), out::toString);
        assertTrue(out.setCookies(COOKIE).stream().anyMatch(h -> h.contains("Max-Age=0") && h.contains("Path=" + cookiePath + ";")),
                () -> "deleted at the path it was set with, " + cookiePath + ": " + out);
        assertRemembersNobody(phoneToken);
        assertEquals(200, withOnly(laptopToken).get("/app/").status(), "the other device's remember-me still works");
    }

    @Test
    void logoutWhenTheDeviceHasOnlyItsRememberMeCookieThenTheCookieAndTokenStillGo() {
        String token = rememberedLogin();
        Device cookieOnly = withOnly(token);

        Response out = cookieOnly.post("/sessions/log_out", Map.of(), "Accept", JSON, "Origin", cookieOnly.origin());

        assertEquals(204, out.status(), out::toString);
        assertTrue(out.setCookies(COOKIE).stream().anyMatch(h -> h.contains("Max-Age=0")), out::toString);
        assertRemembersNobody(token);
    }

    @Test
    void logOutEverywhereWhenDoneThenEveryRememberMeTokenEnds() {
        String phoneToken = rememberedLogin();
        Device laptop = signedIn(USER);

        assertEquals(204, logOut(laptop, "/log_out/all", Map.of(), "Accept", JSON).status());

        assertRemembersNobody(phoneToken);
    }

    /** Logs in with "Remember me" ticked; the cookie's value. */
    private String rememberedLogin() {
        Device d = device();
        Response login = d.post("/login", Map.of("username", USER, "password", "bob-pw", "remember_me", "on"));
        assertEquals(303, login.status(), login::toString);
        Device.Cookie cookie = d.cookie(COOKIE).orElseThrow(() -> new AssertionError("no remember-me cookie: " + login));
        cookiePath = cookie.path();
        return cookie.value();
    }

    /** A browser after a restart: its session cookies gone, only the remember-me cookie kept. */
    private Device withOnly(String token) {
        Device d = device();
        d.setCookie(COOKIE, token, cookiePath);
        return d;
    }

    private void assertRemembersNobody(String token) {
        Response page = withOnly(token).get("/app/");
        assertTrue(page.status() == 302 || page.status() == 303, () -> "the remember-me token must be dead: " + page);
    }
}
