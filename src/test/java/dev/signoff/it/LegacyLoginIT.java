package dev.signoff.it;

import dev.signoff.it.legacy.LegacyPages;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A "legacy" app that only dropped the module JAR in ({@link dev.signoff.it.legacy.LegacyApps}),
 * tried as its users meet it: its own login, then SignOff's logout routes, the app's own logout
 * buttons, the server's own session timeout, and the session-fixation attack. One subclass per
 * kind of login; each deploys its app and says how a user logs in there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class LegacyLoginIT {
    static final String JSON = "application/json";

    @ArquillianResource
    URL base;

    /** A user this app's login accepts. */
    abstract String user();

    /** The password of {@link #user()}. */
    abstract String password();

    /**
     * Gives the device an anonymous HttpSession, as an attacker gets one to plant: the visit to a
     * protected page that the login remembers, or a public page that keeps a session.
     */
    abstract void visitAnonymously(Device d);

    /** Sends the credentials the app's way, and returns the answer to that request (not followed). */
    abstract Response sendCredentials(Device d, String user, String password);

    Device device() {
        return new Device(URI.create(base.toString()));
    }

    /** The login as a browser makes it: visit, credentials, and the redirect that follows. */
    Device signedIn() {
        Device d = device();
        visitAnonymously(d);
        follow(d, sendCredentials(d, user(), password()));
        assertSignedIn(d);
        return d;
    }

    /** Follows a redirect (302/303) of the app, as a browser would. */
    static void follow(Device d, Response r) {
        if (r.status() == 302 || r.status() == 303) {
            URI target = URI.create(d.origin()).resolve(r.location());
            d.get(target.getRawPath().substring(d.contextPath().length())
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        }
    }

    void assertSignedIn(Device d) {
        Response page = d.get("/app/whoami");
        assertEquals(200, page.status(), page::toString);
        assertEquals(LegacyPages.SIGNED_IN_AS + user(), page.body().trim(), page::toString);
    }

    /** Whatever the app answers (its login page, a redirect to it, 401), it is not the user's page. */
    void assertNotSignedIn(Device d) {
        Response page = d.get("/app/whoami");
        assertTrue(page.status() < 500, page::toString);
        assertFalse(page.body().contains(LegacyPages.SIGNED_IN_AS + user()), () -> "served the user's page: " + page);
        Response api = d.get("/sessions/api", "Accept", JSON);
        assertEquals(401, api.status(), api::toString);
    }

    String currentHandle(Device d) {
        return SessionsApi.currentHandle(d);
    }

    String endReason(String handle) {
        Response r = device().get("/test/end-reason?handle=" + handle);
        assertEquals(200, r.status(), r::toString);
        return r.body().trim();
    }

    // --- logging in -----------------------------------------------------------------------------

    @Test
    void loginWhenAppLogsTheUserInThenRegistrySessionOpened() {
        Device d = signedIn();

        JsonObject list = SessionsApi.list(d);
        String handle = currentHandle(d);
        assertTrue(SessionsApi.session(list, handle).isPresent(), list::toString);
        assertEquals("live", endReason(handle));
    }

    /**
     * Session fixation: the attacker plants an id of theirs, the victim logs in with it, and the
     * attacker's request with the planted id comes before the victim's next one. It must not be the
     * victim's, and the victim must stay signed in.
     */
    @Test
    void plantedSessionIdWhenVictimLogsInThenWorthlessEvenBeforeTheVictimsNextRequest() {
        Device attacker = device();
        visitAnonymously(attacker);
        Device victim = attacker.copy();

        Response login = sendCredentials(victim, user(), password());
        assertTrue(login.status() < 400, login::toString);

        assertNotSignedIn(attacker);
        follow(victim, login);
        assertSignedIn(victim);
        assertNotSignedIn(attacker);
        assertSignedIn(victim);
    }

    /**
     * The race: the attacker keeps sending the planted id while the victim logs in and follows the
     * app's redirect at once. Over {@value #RACE_TRIALS} logins no answer to the planted id may be
     * the victim's page (the login page, a redirect or a 401 are fine). The victim may lose a login
     * to the race (on GlassFish and Payara the attacker's own visits to the protected page replace
     * the session's id while the victim types), never have it taken.
     */
    @Test
    void plantedSessionIdWhenAttackerPollsDuringTheLoginThenNeverServedTheVictim() throws Exception {
        ExecutorService attackers = Executors.newSingleThreadExecutor();
        try {
            int polls = 0;
            int victimsIn = 0;
            for (int trial = 0; trial < RACE_TRIALS; trial++) {
                Device planted = device();
                visitAnonymously(planted);
                Device victim = planted.copy();
                AtomicBoolean loggedIn = new AtomicBoolean();
                Future<List<Response>> attack = attackers.submit(() -> poll(planted, loggedIn));
                follow(victim, sendCredentials(victim, user(), password()));
                loggedIn.set(true);
                List<Response> answers = attack.get(30, TimeUnit.SECONDS);
                polls += answers.size();
                int t = trial;
                answers.forEach(r -> assertFalse(r.body().contains(LegacyPages.SIGNED_IN_AS),
                        () -> "trial " + t + ": the planted id was served " + r));
                if (victim.get("/app/whoami").body().contains(LegacyPages.SIGNED_IN_AS + user())) {
                    victimsIn++;
                }
            }
            assertTrue(polls >= RACE_TRIALS, "the attacker polled " + polls + " times");
            assertTrue(victimsIn > 0, "no victim login got through in " + RACE_TRIALS + " trials");
            System.out.println(getClass().getSimpleName() + " race: " + polls + " attacker requests, the victim signed in "
                    + victimsIn + " of " + RACE_TRIALS + " times");
        } finally {
            attackers.shutdownNow();
        }
    }

    static final int RACE_TRIALS = 50;

    /** Requests with the planted id, each from a copy of it (the app's answers must not replace it), until just after the login. */
    private static List<Response> poll(Device planted, AtomicBoolean loggedIn) {
        List<Response> answers = new ArrayList<>();
        boolean last = false;
        while (!last) {
            last = loggedIn.get();
            answers.add(planted.copy().get("/app/whoami"));
        }
        return answers;
    }

    // --- SignOff's logout in an app that knows nothing of it --------------------------------------

    @Test
    void logOutWhenPostedThenPageAndCopiedCookieRefused() {
        Device d = signedIn();
        Device stolen = d.copy();

        Response out = d.post("/sessions/log_out", Map.of(), "Accept", JSON);
        assertEquals(204, out.status(), out::toString);

        assertNotSignedIn(d);
        assertNotSignedIn(stolen);
    }

    @Test
    void logOutEverywhereWhenTwoDevicesThenBothRefused() {
        Device one = signedIn();
        Device two = signedIn();

        Response all = one.post("/sessions/log_out/all", Map.of(), "Accept", JSON);
        assertEquals(204, all.status(), all::toString);

        assertNotSignedIn(one);
        assertNotSignedIn(two);
    }

    /** The device's jar drops a cookie only for a deletion with the name and path it was set with. */
    @Test
    void logOutWhenDoneThenSessionCookieDeletedWithItsOwnPath() {
        Device d = signedIn();
        assertTrue(d.cookie("JSESSIONID").isPresent());

        d.post("/sessions/log_out", Map.of(), "Accept", JSON);

        assertEquals(List.of(), d.cookies().stream().filter(c -> c.name().equals("JSESSIONID")).toList(), d.cookies()::toString);
    }

    /** With no signoff.login-page set, an ended session's page goes back to the page it asked for. */
    @Test
    void endedSessionWhenPageAskedForThenSentBackToThatPage() {
        Device d = signedIn();
        signedIn().post("/sessions/log_out/all", Map.of(), "Accept", JSON);

        Response page = d.get("/app/orders?page=2", "Accept", "text/html");

        assertEquals(303, page.status(), page::toString);
        assertEquals(d.contextPath() + "/app/orders?page=2", page.location());
        assertNotSignedIn(d);
    }

    // --- the app's own logout, and the server's own ends --------------------------------------------

    @Test
    void appLogoutWhenSessionInvalidatedThenRegistrySessionEnded() {
        Device d = signedIn();
        Device other = signedIn();
        String handle = currentHandle(d);

        Response out = d.post("/app/logout", Map.of());
        assertEquals(303, out.status(), out::toString);

        assertEquals("APP_LOGOUT", endReason(handle));
        assertFalse(SessionsApi.session(SessionsApi.list(other), handle).isPresent(), "the device list still shows it");
        assertSignedIn(other);
    }

    /** The app's logout in one tab reaches the session's other open pages, as any end does. */
    @Test
    void appLogoutWhenAPageOfTheSessionIsOpenThenItIsToldAtOnce() {
        Device d = signedIn();
        try (EventStreamClient page = EventStreamClient.open(d, "/sessions/api/events")) {
            page.await(":", Duration.ofSeconds(3));

            d.copy().post("/app/logout", Map.of());

            EventStreamClient.Event revoked = page.await("revoked", Duration.ofSeconds(3));
            assertTrue(revoked.data().contains("\"reason\":\"app_logout\""), revoked::toString);
            assertTrue(revoked.data().contains("\"login\":\"" + d.contextPath() + "/\""), revoked::toString);
        }
    }

    @Test
    void appLogoutWhenRequestLogoutThenRegistrySessionEnded() {
        Device d = signedIn();
        String handle = currentHandle(d);

        Response out = d.post("/app/logout-request", Map.of());
        assertEquals(303, out.status(), out::toString);

        assertEquals("APP_LOGOUT", endReason(handle));
        assertNotSignedIn(d);
    }

    /** The server's own session timeout is not the app's logout: SignOff's idle timeout ends the row later. */
    @Test
    void serverTimeoutWhenHttpSessionExpiresThenRegistrySessionNotEndedAsAppLogout() throws InterruptedException {
        Device d = signedIn();
        String handle = currentHandle(d);
        d.get("/app/short?seconds=1");

        Thread.sleep(3000);
        Response page = d.get("/app/whoami");

        assertFalse(page.body().contains(LegacyPages.SIGNED_IN_AS), page::toString);
        assertEquals("live", endReason(handle));
    }
}
