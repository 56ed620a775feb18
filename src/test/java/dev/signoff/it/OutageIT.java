package dev.signoff.it;

import dev.signoff.it.outage.TcpProxy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry database goes away mid-use and comes back, cut by the tests' own TCP proxy between
 * the server's pool and PostgreSQL (execution {@code it-outage}; the machine's database is never
 * touched): SignOff fails closed, a logout during the outage still logs the device out and is
 * applied on every node once the database answers, and the module recovers by itself.
 */
class OutageIT extends DemoIT {
    /** The bound: back to normal within 5 s of the database's return. */
    private static final Duration RECOVERY = Duration.ofSeconds(5);
    /** PendingEnds retries every 5 s: the queued end is stored within one retry after recovery. */
    private static final Duration PENDING_APPLIED = Duration.ofSeconds(12);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("outage");
    }

    @AfterEach
    void heal() {
        TcpProxy.running().heal();
    }

    @Test
    void databaseCutWhenSessionsAreUsedThenRefusedNeverServedAndBackWithin5sOfItsReturn() throws Exception {
        Device laptop = signedIn("alice");

        TcpProxy.running().cut();
        Thread.sleep(1500); // beyond signoff.staleness (1 s): the cache may not vouch for the session any more

        Instant asked = Instant.now();
        Response page = laptop.get("/app/", "Accept", "text/html");
        Response json = laptop.get("/api/me", "Accept", JSON);
        System.out.println("OutageIT: two refusals during the outage took " + Duration.between(asked, Instant.now()).toMillis() + " ms");
        assertEquals(503, page.status(), page::toString);
        assertEquals(503, json.status(), json::toString);
        assertTrue(json.body().contains("\"registry_unavailable\""), json::toString);
        assertTrue(json.header("Retry-After").isPresent(), json::toString);
        assertNoInternals(page);
        assertNoInternals(json);

        TcpProxy.running().heal();
        Instant back = Instant.now();
        awaitWithin(RECOVERY, () -> laptop.get("/api/me", "Accept", JSON).status() == 200, "alice's laptop served again");
        System.out.println("OutageIT: served again " + Duration.between(back, Instant.now()).toMillis() + " ms after the database's return");
        for (int i = 0; i < 20; i++) {
            Response r = laptop.get("/api/me", "Accept", JSON);
            assertEquals(200, r.status(), () -> "a stale pooled connection reached a user after recovery: " + r);
        }
    }

    @Test
    void logoutDuringTheOutageThenLoggedOutHereAndEndedEverywhereOnceTheDatabaseIsBack() throws Exception {
        Device phone = signedIn("bob");
        Device laptop = signedIn("bob");
        String phoneHandle = SessionsApi.currentHandle(phone);
        Device copiedCookie = phone.copy(); // what an attacker took from the phone before it logged out

        TcpProxy.running().cut();
        Thread.sleep(1500);
        Response logout = logOut(phone, "/log_out", Map.of(), "Accept", JSON, "Origin", phone.origin());

        assertEquals(204, logout.status(), logout::toString);
        assertEquals("unreachable", logout.header("SignOff-Registry").orElse(""), "the answer says the registry was not reached");
        assertTrue(logout.setCookies("JSESSIONID").stream().anyMatch(c -> c.contains("Max-Age=0")), logout::toString);
        assertNotEquals(200, copiedCookie.get("/api/me", "Accept", JSON).status(), "during the outage");

        TcpProxy.running().heal();
        awaitWithin(RECOVERY, () -> laptop.get("/api/me", "Accept", JSON).status() == 200, "bob's laptop served again");
        awaitWithin(PENDING_APPLIED, () -> SessionsApi.session(SessionsApi.list(laptop), phoneHandle).isEmpty(),
                "the phone's end, queued during the outage, stored in the registry");
        assertEquals(401, copiedCookie.get("/api/me", "Accept", JSON).status(), "the phone's copied cookie after the outage");
        assertSignedIn(laptop, "bob");
    }

    private static void assertNoInternals(Response r) {
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("SQL"), r::toString);
    }

    private static void awaitWithin(Duration bound, BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), () -> what + ": not within " + bound.toSeconds() + " s");
    }
}
