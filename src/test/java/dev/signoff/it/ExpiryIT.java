package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions die by idle and absolute timeout, and by a revocation made on another node, which this
 * node sees within the staleness bound (1 s here).
 */
class ExpiryIT extends DemoIT {
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration ABSOLUTE = Duration.ofSeconds(5);
    private static final Duration STALENESS = Duration.ofSeconds(1);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("expiry",
                        "signoff.idle-timeout", IDLE.toMillis() + "ms",
                        "signoff.absolute-timeout", ABSOLUTE.toMillis() + "ms",
                        "signoff.staleness", STALENESS.toMillis() + "ms")
                .addClass(RegistryBackdoorServlet.class);
    }

    @Test
    void idleSessionIsEndedAndPagesRedirectToLogin() throws InterruptedException {
        Device api = signedIn("alice");
        Device page = signedIn("alice");
        Thread.sleep(IDLE.toMillis() + 500);
        Response me = api.get("/api/me", "Accept", JSON);
        assertEquals(401, me.status(), me::toString);
        assertTrue(me.body().contains("idle_timeout"), me::toString);

        Response html = page.get("/app/", "Accept", "text/html,application/xhtml+xml");
        assertEquals(303, html.status(), html::toString);
        assertEquals(page.contextPath() + "/login", html.location());
    }

    @Test
    void activityKeepsTheSessionUntilItsAbsoluteLifetime() throws InterruptedException {
        Device d = signedIn("bob");
        long start = System.nanoTime();
        Response last;
        do {
            Thread.sleep(500);
            last = d.get("/api/me", "Accept", JSON);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (elapsed < ABSOLUTE.toMillis() - 1500) {
                assertEquals(200, last.status(), "active for " + elapsed + " ms, idle timeout is 2 s: " + last);
            }
        } while (last.status() == 200 && System.nanoTime() - start < ABSOLUTE.plusSeconds(5).toNanos());
        assertEquals(401, last.status(), last::toString);
        assertTrue(last.body().contains("absolute_timeout"), last::toString);
    }

    @Test
    void revocationOnAnotherNodeIsSeenWithinTheStalenessBound() throws InterruptedException {
        Device d = signedIn("alice");
        Response revoked = device().post("/test/revoke-in-database", Map.of("user", "alice"));
        assertEquals(200, revoked.status(), revoked::toString);
        long start = System.nanoTime();
        Response me;
        do {
            me = d.get("/api/me", "Accept", JSON);
            Thread.sleep(50);
        } while (me.status() == 200 && System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        long seenAfter = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, me.status(), me::toString);
        assertTrue(seenAfter <= STALENESS.toMillis() + 1000,
                "revocation seen after " + seenAfter + " ms; bound is " + STALENESS.toMillis() + " ms");
    }
}
