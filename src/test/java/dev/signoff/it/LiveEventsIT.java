package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code GET /sessions/api/events} over HTTP: every open stream of a session gets
 * {@code event: revoked} when the session ends — by another device, a credential change, an
 * admin, the user's own logout in another tab, a revocation written by another node — and the
 * streams of other sessions get nothing.
 */
class LiveEventsIT extends DemoIT {
    static final String EVENTS = "/sessions/api/events";
    private static final Duration STALENESS = Duration.ofMillis(1000);
    private static final Duration HEARTBEAT = Duration.ofMillis(700);
    /** A push made on this node: at once, with generous slack for a loaded machine. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);
    private static final Pattern CURRENT_HANDLE = Pattern.compile("class=\"device current\" id=\"session-([^\"]+)\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("live",
                        "signoff.staleness", STALENESS.toMillis() + "ms",
                        "signoff.events.heartbeat", HEARTBEAT.toMillis() + "ms")
                .addClass(RegistryBackdoorServlet.class);
    }

    @Test
    void anonymousCallerGets401Json() {
        Response r = device().get(EVENTS, "Accept", "text/event-stream");
        assertEquals(401, r.status(), r::toString);
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"), r::toString);
        assertTrue(r.body().contains("\"unauthorized\""), r::toString);
    }

    @Test
    void streamOpensWithRetryAndKeepsItselfOpenWithHeartbeats() {
        Device d = signedIn("alice");
        try (EventStreamClient stream = EventStreamClient.open(d, EVENTS)) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            assertEquals("3000", stream.await("retry", AT_ONCE).data());
            EventStreamClient.Event first = stream.await(":", AT_ONCE);
            assertEquals("connected", first.data());
            EventStreamClient.Event beat = stream.await(":", HEARTBEAT.multipliedBy(4));
            assertEquals("heartbeat", beat.data());
        }
        assertSignedIn(d, "alice");
    }

    @Test
    void pollAnswersLiveWhileTheSessionLives() {
        Device d = signedIn("alice");
        Response r = d.get(EVENTS + "?poll", "Accept", JSON);
        assertEquals(200, r.status(), r::toString);
        assertEquals("{\"session\":\"live\"}", r.body());
    }

    @Test
    void endedFromAnotherDeviceIsPushedToThatDeviceOnly() {
        // 1. Two devices of alice, each with an open page.
        Device laptop = signedIn("alice");
        Device phone = signedIn("alice");
        try (EventStreamClient laptopPage = EventStreamClient.open(laptop, EVENTS);
             EventStreamClient phonePage = EventStreamClient.open(phone, EVENTS)) {
            laptopPage.await(":", AT_ONCE);
            phonePage.await(":", AT_ONCE);
            // 2. The laptop signs the phone out from the devices page.
            Response end = laptop.post("/app/sessions/end", Map.of("handle", currentHandle(phone)));
            assertEquals(303, end.status(), end::toString);
            // 3. The phone's page hears it at once, with the reason; the laptop's hears nothing.
            EventStreamClient.Event revoked = phonePage.await("revoked", AT_ONCE);
            assertTrue(revoked.data().contains("\"reason\":\"ended_by_user\""), revoked::toString);
            assertTrue(revoked.data().contains("\"login\":\"/live/login\""), revoked::toString);
            assertTrue(phonePage.endsWithin(AT_ONCE), "the stream closes after revoked");
            assertNoRevoked(laptopPage);
        }
        assertSignedOut(phone);
        assertSignedIn(laptop, "alice");
    }

    @Test
    void logoutInOneTabIsPushedToTheOtherTabsOfTheSameSession() {
        Device browser = signedIn("alice");
        try (EventStreamClient tab1 = EventStreamClient.open(browser, EVENTS);
             EventStreamClient tab2 = EventStreamClient.open(browser, EVENTS)) {
            tab1.await(":", AT_ONCE);
            tab2.await(":", AT_ONCE);
            Response out = logOut(browser.copy(), "/log_out", Map.of());
            assertEquals(303, out.status(), out::toString);
            assertTrue(tab1.await("revoked", AT_ONCE).data().contains("\"reason\":\"logout\""));
            assertTrue(tab2.await("revoked", AT_ONCE).data().contains("\"reason\":\"logout\""));
        }
    }

    @Test
    void credentialChangeIsPushed() {
        Device laptop = signedIn("bob");
        Device phone = signedIn("bob");
        try (EventStreamClient laptopPage = EventStreamClient.open(laptop, EVENTS);
             EventStreamClient phonePage = EventStreamClient.open(phone, EVENTS)) {
            laptopPage.await(":", AT_ONCE);
            phonePage.await(":", AT_ONCE);
            // An e-mail change ends every session of the user, the one that made it too.
            Response change = laptop.post("/app/account/email", Map.of("email", "bob@example.org"));
            assertEquals(303, change.status(), change::toString);
            assertTrue(phonePage.await("revoked", AT_ONCE).data().contains("\"reason\":\"credentials_changed\""));
            assertTrue(laptopPage.await("revoked", AT_ONCE).data().contains("\"reason\":\"credentials_changed\""));
        }
    }

    @Test
    void adminEndIsPushed() {
        Device bob = signedIn("bob");
        Device admin = signedIn("admin");
        try (EventStreamClient bobPage = EventStreamClient.open(bob, EVENTS);
             EventStreamClient adminPage = EventStreamClient.open(admin, EVENTS)) {
            bobPage.await(":", AT_ONCE);
            adminPage.await(":", AT_ONCE);
            Response end = admin.post("/app/admin/sessions/end-all", Map.of("user", "bob"));
            assertEquals(303, end.status(), end::toString);
            assertTrue(bobPage.await("revoked", AT_ONCE).data().contains("\"reason\":\"admin\""));
            assertNoRevoked(adminPage);
        }
        assertSignedOut(bob);
        assertSignedIn(admin, "admin");
    }

    @Test
    void revocationWrittenByAnotherNodeIsPushedWithinTheStalenessBound() {
        Device d = signedIn("alice");
        try (EventStreamClient page = EventStreamClient.open(d, EVENTS)) {
            page.await(":", AT_ONCE);
            long start = System.nanoTime();
            // Another node writes straight to the shared registry; this node's cache learns nothing directly.
            Response revoked = device().post("/test/revoke-in-database", Map.of("user", "alice"));
            assertEquals(200, revoked.status(), revoked::toString);
            EventStreamClient.Event event = page.await("revoked", STALENESS.multipliedBy(2).plusSeconds(2));
            long after = (event.receivedAtNanos() - start) / 1_000_000;
            assertTrue(event.data().contains("\"reason\":\"admin\""), event::toString);
            assertTrue(after <= STALENESS.toMillis() * 2 + 1000,
                    "pushed after " + after + " ms; the bound is the staleness, " + STALENESS.toMillis() + " ms, plus one tick");
        }
    }

    @Test
    void connectingWithAnEndedSessionGetsRevokedAtOnceAndPollGets401() {
        Device laptop = signedIn("alice");
        Device phone = signedIn("alice");
        Device phoneCopy = phone.copy();
        laptop.post("/app/sessions/end", Map.of("handle", currentHandle(phone)));

        try (EventStreamClient page = EventStreamClient.open(phone, EVENTS)) {
            assertEquals(200, page.status());
            assertTrue(page.await("revoked", AT_ONCE).data().contains("\"reason\":\"ended_by_user\""));
            assertTrue(page.endsWithin(AT_ONCE));
        }
        Response poll = phoneCopy.get(EVENTS + "?poll", "Accept", JSON);
        assertEquals(401, poll.status(), poll::toString);
    }

    @Test
    void signoffJsIsServedCacheableWithThisDeploymentsRoutes() {
        Response js = device().get("/sessions/signoff.js");
        assertEquals(200, js.status(), js::toString);
        assertTrue(js.header("Content-Type").orElse("").startsWith("text/javascript"), js::toString);
        assertTrue(js.header("Cache-Control").orElse("").contains("max-age="), js::toString);
        assertTrue(js.body().contains("\"events\":\"/live/sessions/api/events\""), "routes follow context and prefix");
        assertTrue(js.body().contains("\"login\":\"/live/login\""));
        String etag = js.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + js));
        Response again = device().get("/sessions/signoff.js", "If-None-Match", etag);
        assertEquals(304, again.status(), again::toString);
        assertEquals("", again.body());
    }

    @Test
    void pagesOfSignedInUsersLoadSignoffJsUnderACspThatAllowsIt() {
        Device d = signedIn("alice");
        Response page = d.get("/app/sessions");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("<script src=\"/live/sessions/signoff.js\" defer></script>"), page::toString);
        String csp = page.header("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"), csp);
        Response login = device().get("/login");
        assertTrue(!login.body().contains("signoff.js"), "no event stream for anonymous pages");
    }

    @Test
    void adminSessionsPageIsForAdminsOnly() {
        Device bob = signedIn("bob");
        Response refused = signedIn("alice").get("/app/admin/sessions?user=bob");
        assertEquals(403, refused.status(), refused::toString);
        Response listed = signedIn("admin").get("/app/admin/sessions?user=bob");
        assertEquals(200, listed.status(), listed::toString);
        assertTrue(listed.body().contains("data-handle=\"" + currentHandle(bob) + "\""), listed::toString);
    }

    /** The handle of the device's own session, from its devices page. */
    static String currentHandle(Device d) {
        Response page = d.get("/app/sessions");
        assertEquals(200, page.status(), page::toString);
        Matcher m = CURRENT_HANDLE.matcher(page.body());
        if (!m.find()) {
            fail("no current device on the sessions page: " + page.body());
        }
        return m.group(1);
    }

    /** Nothing but comments arrived (waiting a little, so a late revoked would be seen). */
    static void assertNoRevoked(EventStreamClient stream) {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(stream.drain().stream().noneMatch(e -> e.name().equals("revoked")), "unexpected revoked");
    }
}
