package dev.signoff.it;

import dev.signoff.it.outage.TcpProxy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code signoff.registry-down=serve-known}, the opt-in that fails open: while the registry's
 * database is cut (the tests' TCP proxy, as in {@link OutageIT}) a session this node saw live is
 * served, and a logout made on this node during the outage still holds.
 */
class OutageServeKnownIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("outage-serve-known", "signoff.registry-down", "serve-known");
    }

    @AfterEach
    void heal() {
        TcpProxy.running().heal();
    }

    @Test
    void databaseCutWhenServeKnownThenKnownSessionsServedAndEndsMadeHereHold() throws Exception {
        Device laptop = signedIn("alice");
        Device phone = signedIn("alice");
        Device copiedCookie = phone.copy();

        TcpProxy.running().cut();
        Thread.sleep(1500); // beyond signoff.staleness: refuse would answer 503 now (OutageIT)

        Response me = laptop.get("/api/me", "Accept", JSON);
        assertEquals(200, me.status(), () -> "serve-known serves a session this node saw live: " + me);
        Response logout = logOut(phone, "/log_out", Map.of(), "Accept", JSON, "Origin", phone.origin());
        assertEquals(204, logout.status(), logout::toString);
        assertEquals(401, copiedCookie.get("/api/me", "Accept", JSON).status(), "an end made on this node holds during the outage");

        TcpProxy.running().heal();
        assertSignedIn(laptop, "alice");
    }
}
