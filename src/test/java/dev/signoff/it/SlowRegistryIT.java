package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow registry, not a dead one (executions {@code it-postgresql}, {@code it-mariadb}): another
 * transaction holds the session table locked, as a migration or a long batch job does, so every
 * statement on it waits.
 * Requests whose sessions the cache may not vouch for are refused (503) within seconds — the
 * statement timeout (3 s) and the node's limit on requests waiting for the database — never held
 * until the lock goes; the server keeps serving what needs no registry meanwhile; and once the lock
 * goes the same device is served again.
 */
class SlowRegistryIT extends DemoIT {
    private static final int AT_ONCE = 24;
    /** The statement timeout (3 s) plus room for a shared 2-core machine. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(8);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("slow");
    }

    @Test
    void sessionTableLockedThenRefusedWithinSecondsNotHeldAndServedAgainOnceReleased() throws Exception {
        Device d = signedIn("alice");
        Thread.sleep(1500); // beyond signoff.staleness: the cache may not vouch for the session any more
        List<Response> answers;
        long took;
        try (Connection db = TestDatabases.registry()) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute(TestDatabases.mariadb() ? "LOCK TABLES SIGNOFF_SESSION WRITE" : "LOCK TABLE SIGNOFF_SESSION IN ACCESS EXCLUSIVE MODE");
            }
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                calls.add(() -> d.copy().get("/api/me", "Accept", JSON));
            }
            calls.add(() -> device().get("/demo.css")); // needs no registry
            long start = System.nanoTime();
            answers = RegistryIT.all(calls);
            took = (System.nanoTime() - start) / 1_000_000;
            unlock(db);
        }
        System.out.println("SlowRegistryIT: " + AT_ONCE + " requests on a locked session table answered in " + took + " ms");
        for (Response r : answers.subList(0, AT_ONCE)) {
            assertEquals(503, r.status(), r::toString);
            assertTrue(r.body().contains("\"registry_unavailable\""), r::toString);
        }
        assertEquals(200, answers.get(AT_ONCE).status(), "a static file is served meanwhile");
        assertTrue(took <= REFUSED_WITHIN.toMillis(), () -> "refused after " + took + " ms: request threads were held by the lock");
        assertEquals(200, d.get("/api/me", "Accept", JSON).status(), "served again once the lock is gone");
    }

    private static void unlock(Connection db) throws SQLException {
        if (TestDatabases.mariadb()) {
            try (Statement s = db.createStatement()) {
                s.execute("UNLOCK TABLES");
            }
        } else {
            db.rollback();
        }
    }
}
