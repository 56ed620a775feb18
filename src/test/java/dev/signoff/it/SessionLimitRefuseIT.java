package dev.signoff.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.signoff.it.SessionsApi.currentHandle;
import static dev.signoff.it.SessionsApi.error;
import static dev.signoff.it.SessionsApi.list;
import static dev.signoff.it.SessionsApi.sessions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code signoff.max-sessions=2}, policy {@code refuse}: a third login is undone, stores nothing and
 * is told why (login page with a reason, or 409 JSON); the two sessions stay.
 */
class SessionLimitRefuseIT extends DemoIT {
    private static final String HTML = "text/html,application/xhtml+xml";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("limitrefuse", "signoff.max-sessions", "2", "signoff.max-sessions.policy", "refuse")
                .addClasses(RegistryBackdoorServlet.class, RegistryRowsServlet.class);
    }

    @Test
    void aPageLoginBeyondTheLimitIsSentBackToTheLoginPageAndLeavesNoSession() {
        Device first = fresh("alice");
        Device second = signedIn("alice");
        long rows = rows("alice");

        Device third = device();
        Response login = third.post("/login", Map.of("username", "alice", "password", "alice-pw"));
        assertEquals(303, login.status(), login::toString);
        Response app = third.get("/app/", "Accept", HTML);
        assertEquals(303, app.status(), app::toString);
        assertEquals(third.contextPath() + "/login?reason=session_limit", app.location());
        Response page = third.get("/login?reason=session_limit", "Accept", HTML);
        assertTrue(page.body().contains("too many devices"), page::toString);
        assertSignedOut(third);

        assertEquals(rows, rows("alice"), "a refused login stores no registry row");
        assertSignedIn(first, "alice");
        assertSignedIn(second, "alice");
        JsonObject live = list(first);
        assertEquals(Set.of(currentHandle(first), currentHandle(second)),
                sessions(live).stream().map(s -> s.getString("handle")).collect(Collectors.toSet()), live::toString);

        Response out = second.post("/sessions/log_out", Map.of());
        assertEquals(303, out.status(), out::toString);
        third.login("alice", "alice-pw");
        assertSignedIn(third, "alice");
    }

    @Test
    void aJsonLoginBeyondTheLimitGets409() {
        Device first = fresh("bob");
        Device second = signedIn("bob");
        long rows = rows("bob");

        Device third = device();
        assertEquals(303, third.post("/login", Map.of("username", "bob", "password", "bob-pw")).status());
        Response me = third.get("/api/me", "Accept", JSON);
        assertEquals(409, me.status(), me::toString);
        assertEquals("session_limit", error(me));
        assertEquals(401, third.get("/api/me", "Accept", JSON).status(), "the refused login is undone");
        assertEquals(rows, rows("bob"));
        assertSignedIn(first, "bob");
        assertSignedIn(second, "bob");
    }

    /** A first device of a user who has no live session left from other test deployments (they share the registry). */
    private Device fresh(String user) {
        device().post("/test/revoke-in-database", Map.of("user", user));
        return signedIn(user);
    }

    private long rows(String user) {
        return Long.parseLong(device().get("/test/registry-rows?user=" + user).body().trim());
    }
}
