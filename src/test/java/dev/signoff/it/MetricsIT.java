package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operators' JMX view follows what happens: sessions started and ended, checks, the live count. */
class MetricsIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("metrics").addClass(MetricsServlet.class);
    }

    @Test
    void metricsFollowLoginsChecksAndLogouts() {
        Map<String, Double> before = metrics();
        Device a = signedIn("alice");
        Device b = signedIn("bob");
        for (int i = 0; i < 5; i++) {
            assertSignedIn(a, "alice");
        }
        Response out = logOut(b, "/log_out", Map.of(), "Accept", JSON);
        assertEquals(204, out.status(), out::toString);

        Map<String, Double> after = metrics();
        assertEquals(2, after.get("SessionsStarted") - before.get("SessionsStarted"), after::toString);
        assertEquals(1, after.get("SessionsEnded.logout") - before.get("SessionsEnded.logout"), after::toString);
        assertEquals(0, after.get("SessionsEnded.idle_timeout") - before.get("SessionsEnded.idle_timeout"), after::toString);
        assertTrue(after.get("Checks") - before.get("Checks") >= 7, after::toString);
        assertEquals(before.get("LiveSessions") + 1, after.get("LiveSessions"), after::toString);
        double ratio = after.get("CacheHitRatio");
        assertTrue(ratio > 0 && ratio <= 1, after::toString);
        assertTrue(after.get("CheckLatencyMaxMicros") >= after.get("CheckLatencyMeanMicros"), after::toString);
        assertEquals(0, after.get("DatabaseErrors"), after::toString);
    }

    private Map<String, Double> metrics() {
        try {
            // The live count is cached for 5 s: wait it out so that each read is fresh.
            Thread.sleep(5_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Response r = device().get("/test/metrics");
        assertEquals(200, r.status(), r::toString);
        Map<String, Double> values = new HashMap<>();
        for (String line : r.body().split("\n")) {
            Entry<String, String> kv = Map.entry(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            values.put(kv.getKey(), Double.valueOf(kv.getValue()));
        }
        return values;
    }
}
