package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a request costs the registry database in steady state, counted by SignOff itself (the JMX
 * attribute {@code RegistryStatements}: every statement of its server DataSource), on PostgreSQL
 * and MariaDB (executions {@code it-postgresql}, {@code it-mariadb}; embedded Derby is not counted).
 * A signed-in device's requests are answered from the node's cache: the node reads the revocation
 * feed once per {@code signoff.staleness} (1 s) whatever the number of requests, and writes a
 * session's last-seen time at most once per {@code signoff.last-seen-interval} (1 min).
 */
class StatementsIT extends DemoIT {
    private static final int REQUESTS = 1000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("statements").addClass(MetricsServlet.class);
    }

    @Test
    void requestsOfASignedInDeviceWhenSteadyThenAboutOneStatementPerStalenessNotPerRequest() {
        Device d = signedIn("alice");
        long before = statements();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            assertEquals(200, d.get("/api/me", "Accept", JSON).status());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long sent = statements() - before;
        System.out.printf("StatementsIT: %d requests in %.1f s cost %d statements (%.4f per request)%n",
                REQUESTS, seconds, sent, (double) sent / REQUESTS);
        // One feed read per started second, one last-seen write at most: never one per request.
        assertTrue(sent <= Math.ceil(seconds) + 2, () -> sent + " statements for " + REQUESTS + " requests in " + seconds + " s");
    }

    private long statements() {
        Response r = device().get("/test/metrics?only=RegistryStatements");
        assertEquals(200, r.status(), r::toString);
        long value = Long.parseLong(r.body().trim().substring("RegistryStatements=".length()));
        assertTrue(value >= 0, () -> "counted on a server DataSource: " + r.body());
        return value;
    }
}
