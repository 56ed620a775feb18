package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An idle timeout is pushed to the open pages of the session, and the open (or reconnecting)
 * event stream itself does not count as activity, so an open tab cannot keep a session alive.
 */
class LiveEventsTimeoutIT extends DemoIT {
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration STALENESS = Duration.ofMillis(500);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("live-idle",
                "signoff.idle-timeout", IDLE.toMillis() + "ms",
                "signoff.staleness", STALENESS.toMillis() + "ms",
                "signoff.events.heartbeat", "500ms");
    }

    @Test
    void idleTimeoutIsPushedAndOpenStreamsDoNotHoldItOff() throws InterruptedException {
        Device d = signedIn("alice");
        long start = System.nanoTime();
        List<EventStreamClient> reconnects = new ArrayList<>();
        try (EventStreamClient page = EventStreamClient.open(d, LiveEventsIT.EVENTS)) {
            // A second page that reconnects all through the idle timeout, as EventSource does after a
            // dropped connection. Were a connect activity, the session would live until 3.2 s + 3 s.
            for (int i = 0; i < 8; i++) {
                Thread.sleep(400);
                reconnects.add(EventStreamClient.open(d.copy(), LiveEventsIT.EVENTS));
            }
            EventStreamClient.Event revoked = page.await("revoked", IDLE.plusSeconds(4));
            long after = (revoked.receivedAtNanos() - start) / 1_000_000;
            assertTrue(revoked.data().contains("\"reason\":\"idle_timeout\""), revoked::toString);
            assertTrue(after >= IDLE.toMillis() - 300, "pushed after " + after + " ms, before the idle timeout");
            assertTrue(after <= IDLE.toMillis() + STALENESS.toMillis() + 2000, "pushed only after " + after + " ms");
        } finally {
            reconnects.forEach(EventStreamClient::close);
        }
        Response me = d.get("/api/me", "Accept", JSON);
        assertEquals(401, me.status(), me::toString);
    }
}
