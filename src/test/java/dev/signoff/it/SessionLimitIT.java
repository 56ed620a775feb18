package dev.signoff.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.signoff.it.SessionsApi.currentHandle;
import static dev.signoff.it.SessionsApi.list;
import static dev.signoff.it.SessionsApi.sessions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code signoff.max-sessions=2} with the default policy: a third login ends the user's least
 * recently used session (reason {@code limit}), not simply the oldest.
 */
class SessionLimitIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("limit", "signoff.max-sessions", "2",
                        // Every request records activity, so "least recently used" is exact here.
                        "signoff.last-seen-interval", "1ms")
                .addClass(RegistryBackdoorServlet.class);
    }

    @Test
    void aLoginBeyondTheLimitEndsTheLeastRecentlyUsedSession() throws InterruptedException {
        // The registry is shared by every test deployment: start alice from no live session.
        device().post("/test/revoke-in-database", Map.of("user", "alice"));
        Device first = signedIn("alice");
        Thread.sleep(30);
        Device second = signedIn("alice");
        Thread.sleep(30);
        assertSignedIn(first, "alice"); // first is now used more recently than second
        Thread.sleep(30);

        Device third = signedIn("alice");
        Response me = second.get("/api/me", "Accept", JSON);
        assertEquals(401, me.status(), me::toString);
        assertTrue(me.body().contains("\"limit\""), () -> "ended with reason limit: " + me);
        assertSignedIn(first, "alice");
        assertSignedIn(third, "alice");

        JsonObject live = list(third);
        Set<String> handles = sessions(live).stream().map(s -> s.getString("handle")).collect(Collectors.toSet());
        assertEquals(Set.of(currentHandle(first), currentHandle(third)), handles, live::toString);
    }
}
