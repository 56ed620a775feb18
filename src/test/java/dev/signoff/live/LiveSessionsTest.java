package dev.signoff.live;

import dev.signoff.events.EndReason;
import dev.signoff.registry.Revocation;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionRig;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's open event streams: told at once of ends here, within the staleness bound of ends elsewhere and of expiry. */
class LiveSessionsTest {
    private final SessionRig rig = new SessionRig();
    private final LiveSessions live = new LiveSessions();

    LiveSessionsTest() {
        live.checker = rig.checker;
        live.terminator = rig.terminator;
        live.configuration = rig.configuration;
        live.scheduler = rig.scheduler.executor();
        live.clock = rig.clock;
        live.init();
        rig.ended.observer = live::ended;
    }

    @Test
    void endedWhenTheSessionEndsOnThisNodeThenItsPageGetsRevokedAndTheStreamCloses() {
        SessionBinding s = rig.open("alice");
        Page page = open(s);

        rig.terminator.end(s.handle(), Optional.of(s.digest()), EndReason.LOGOUT_ALL, null);

        assertEquals("event: revoked\ndata: {\"reason\":\"logout_all\",\"login\":\"/app/login\"}\n\n", page.text());
        assertTrue(page.completed);
        assertEquals(0, live.streams());
    }

    @Test
    void tickWhenEndedOnAnotherNodeThenRevokedWithinTheStalenessBound() {
        SessionBinding s = rig.open("bob");
        Page page = open(s);
        rig.registry.revoke(List.of(s.handle()), new Revocation(EndReason.ADMIN, rig.clock.millis(), null));

        rig.scheduler.runDue();
        rig.clock.advance(Duration.ofSeconds(1));
        rig.scheduler.runDue();

        assertTrue(page.text().startsWith("event: revoked\ndata: {\"reason\":\"admin\""), page.text());
        assertEquals(0, live.streams());
        assertEquals(0, rig.scheduler.waiting(), "nobody listens: no more rounds");
    }

    @Test
    void tickWhenTheSessionOutlivedItsIdleTimeoutThenTheEndIsRecordedAndPushed() {
        SessionBinding s = rig.open("carol");
        Page page = open(s);

        rig.clock.advance(Duration.ofMinutes(31));
        rig.scheduler.runDue();

        assertEquals(EndReason.IDLE_TIMEOUT, rig.registry.rows.get(s.handle()).endReason());
        assertTrue(page.text().contains("\"reason\":\"idle_timeout\""), page.text());
    }

    @Test
    void tickWhenQuietForTheHeartbeatIntervalThenACommentAndTheStreamStaysOpen() {
        SessionBinding s = rig.open("dave");
        Page page = open(s);

        rig.clock.advance(Duration.ofSeconds(20));
        rig.scheduler.runDue();

        assertEquals(": heartbeat\n\n", page.text());
        assertFalse(page.completed);
        assertEquals(1, rig.scheduler.waiting(), "the next round is scheduled");
        assertTrue(rig.registry.isLive(s.handle()));
        assertEquals(rig.clock.millis() - Duration.ofSeconds(20).toMillis(), rig.registry.rows.get(s.handle()).lastSeenAt(),
                "an open stream is not the user's activity");
    }

    @Test
    void tickWhenTheRegistryIsDownThenStreamsStayAndTheRoundsGoOn() {
        SessionBinding s = rig.open("erin");
        Page page = open(s);
        rig.registry.down = new IllegalStateException("database down");

        rig.clock.advance(Duration.ofSeconds(5));
        rig.scheduler.runDue();

        assertFalse(page.completed);
        assertEquals(1, live.streams());
        assertEquals(1, rig.scheduler.waiting());
    }

    private Page open(SessionBinding s) {
        Page page = new Page();
        EventStream stream = new EventStream(page.async(), s, "/app/login", live::unsubscribe);
        live.subscribe(stream);
        return page;
    }

    /** One browser tab's stream: what was written to it, and whether the response was completed. */
    private static final class Page {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean completed;

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }

        AsyncContext async() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    written.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            ServletResponse response = (ServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{ServletResponse.class}, (p, m, args) -> {
                        if (m.getName().equals("getOutputStream")) {
                            return out;
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
            return (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{AsyncContext.class},
                    (p, m, args) -> switch (m.getName()) {
                        case "getResponse" -> response;
                        case "complete" -> {
                            completed = true;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
