package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app with a filter that is not async-supported on the event stream: the stream cannot be
 * held open, so it answers with only a reconnect delay and closes, and EventSource polls by
 * reconnecting; an ended session is still told on its next reconnect.
 */
class LiveEventsFallbackIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("live-poll").addClass(NonAsyncFilter.class);
    }

    @Test
    void withoutAsyncTheStreamTellsTheClientToReconnectAndAnEndedSessionHearsItOnReconnect() {
        Device laptop = signedIn("alice");
        Device phone = signedIn("alice");
        try (EventStreamClient poll = EventStreamClient.open(phone, LiveEventsIT.EVENTS)) {
            assertEquals(200, poll.status());
            assertTrue(poll.contentType().startsWith("text/event-stream"), poll.contentType());
            assertEquals("5000", poll.await("retry", Duration.ofSeconds(3)).data());
            assertTrue(poll.endsWithin(Duration.ofSeconds(3)), "closes at once so the browser reconnects");
        }
        laptop.post("/app/sessions/end", Map.of("handle", LiveEventsIT.currentHandle(phone)));
        try (EventStreamClient reconnect = EventStreamClient.open(phone, LiveEventsIT.EVENTS)) {
            assertTrue(reconnect.await("revoked", Duration.ofSeconds(3)).data().contains("ended_by_user"));
        }
        assertSignedIn(laptop, "alice");
    }
}
