package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The revocation push on PostgreSQL (execution {@code it-postgresql}): "another node" — this test,
 * straight through JDBC — revokes a session row and announces it with {@code NOTIFY} as a node
 * does. With {@code signoff.staleness} at 30 s only the push can make the node refuse that session
 * within a couple of seconds; a row revoked without the announcement stays trusted meanwhile,
 * as the staleness allows, so the test also shows it is the announcement that does it.
 */
class RevocationPushIT extends DemoIT {
    private static final Duration PUSHED = Duration.ofSeconds(3);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("push", "signoff.staleness", "30s");
    }

    @Test
    void revokedAndAnnouncedElsewhereThenRefusedHereWithinSecondsThoughStalenessIs30s() throws Exception {
        Device announced = signedIn("alice");
        Device silent = signedIn("bob");
        String announcedHandle = SessionsApi.currentHandle(announced);
        String silentHandle = SessionsApi.currentHandle(silent);

        try (Connection db = TestDatabases.postgresqlRegistry()) {
            revokeBehindTheNodesBack(db, silentHandle);
            revokeBehindTheNodesBack(db, announcedHandle);
            try (Statement s = db.createStatement()) {
                s.execute("NOTIFY signoff_revocations, 'another-node'");
            }
        }
        long start = System.nanoTime();
        while (announced.get("/api/me", "Accept", JSON).status() != 401) {
            if (System.nanoTime() - start > PUSHED.toNanos()) {
                fail("revoked and announced elsewhere, still accepted after " + PUSHED);
            }
            Thread.sleep(20);
        }
        System.out.println("RevocationPushIT: refused " + (System.nanoTime() - start) / 1_000_000 + " ms after the announcement");
        // The same feed read saw bob's revoked row too: it was read because of the announcement.
        assertEquals(401, silent.get("/api/me", "Accept", JSON).status(), "the feed read the announcement caused");
    }

    @Test
    void revokedElsewhereWithoutAnnouncementThenTrustedWithinStaleness() throws Exception {
        Device d = signedIn("alice");
        try (Connection db = TestDatabases.postgresqlRegistry()) {
            revokeBehindTheNodesBack(db, SessionsApi.currentHandle(d));
        }
        Thread.sleep(PUSHED.toMillis());
        assertEquals(200, d.get("/api/me", "Accept", JSON).status(),
                "no announcement: the node may trust its view for the staleness (30 s) — the push is what made the other test fast");
    }

    private static void revokeBehindTheNodesBack(Connection db, String handle) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE SIGNOFF_SESSION SET REVOKED_AT = ?, END_REASON = 'ADMIN' WHERE HANDLE = ? AND REVOKED_AT IS NULL")) {
            p.setLong(1, System.currentTimeMillis());
            p.setString(2, handle);
            assertEquals(1, p.executeUpdate(), "one live row revoked");
        }
    }
}
