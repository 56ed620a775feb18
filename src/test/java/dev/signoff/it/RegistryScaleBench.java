package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registry at scale, a benchmark (not run by the README's test command: its name does not end in
 * IT). {@value #ROWS_PROPERTY} live rows (default 1 000 000) in the registry of the execution it runs
 * in (embedded Derby in {@code default}, PostgreSQL in {@code it-postgresql}, MariaDB in
 * {@code it-mariadb}); then the filter's cache-miss read of random rows, p50/p99; then log out
 * everywhere (the admin's {@code DELETE /sessions/api/users/{user}}) for one user with
 * {@value #ONE_USER} of those sessions: time and statements. Prints {@code RegistryScaleBench:} lines;
 * BENCHMARKS.md has the command and the results.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryScaleBench extends DemoIT {
    static final String ROWS_PROPERTY = "signoff.bench.rows";
    static final int ONE_USER = 10_000;
    private static final int ROWS = Integer.getInteger(ROWS_PROPERTY, 1_000_000);
    private static final int WARM_UP_USERS = 20;
    /** Rows per seeding request (each must answer within the test client's 30 s). */
    private static final int SEED_CHUNK = 50_000;
    private static final String MANY = "m" + Long.toHexString(System.nanoTime() & 0xffffff);
    private static final String ONE = "o" + Long.toHexString(System.nanoTime() & 0xffffff);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("scale").addClasses(ScaleServlet.class, MetricsServlet.class);
    }

    @Test
    @Order(1)
    void seed() {
        long started = System.nanoTime();
        for (int from = 0; from < ROWS - ONE_USER; from += SEED_CHUNK) {
            post("/test/scale?prefix=" + MANY + "&from=" + from + "&count=" + Math.min(SEED_CHUNK, ROWS - ONE_USER - from) + "&each=10");
        }
        post("/test/scale?prefix=" + ONE + "&from=0&count=" + ONE_USER + "&each=" + ONE_USER + "&analyze");
        print("seeded", ROWS + " rows in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
    }

    @Test
    @Order(2)
    void cacheMissLookup() {
        for (int round = 1; round <= 3; round++) {
            for (String via : new String[]{"registry", "jdbc"}) {
                // Each read its own random rows: none finds a row in the database's cache because another read it.
                Response r = device().get("/test/scale?prefix=" + MANY + "&rows=" + (ROWS - ONE_USER) + "&samples=5000&seed="
                        + (round * 2 + via.length()) + "&via=" + via);
                assertEquals(200, r.status(), r::toString);
                print("cache-miss lookup among " + ROWS + " rows, round " + round + ", " + via + ", 5000 samples, µs", r.body());
            }
        }
    }

    @Test
    @Order(3)
    void logOutEverywhereForOneUserWithManySessions() {
        Device admin = signedIn("admin");
        // The route's first calls load and compile its code (JSON, the end's statement, events):
        // warmed on users of 10 sessions, as a running server's earlier logouts would have done.
        long[] warm = new long[WARM_UP_USERS];
        for (int u = 0; u < WARM_UP_USERS; u++) {
            long t = System.nanoTime();
            assertEquals(200, admin.delete("/sessions/api/users/" + MANY + "-" + u, "Origin", admin.origin(), "Accept", JSON).status());
            warm[u] = (System.nanoTime() - t) / 1_000_000;
        }
        print("warm-up, log out everywhere for " + WARM_UP_USERS + " users of 10 sessions", "ms " + Arrays.toString(warm));
        long before = statements(admin);
        long asked = System.nanoTime();
        Response end = admin.delete("/sessions/api/users/" + ONE + "-0", "Origin", admin.origin(), "Accept", JSON);
        long millis = (System.nanoTime() - asked) / 1_000_000;
        assertEquals(200, end.status(), end::toString);
        assertEquals("{\"ended\":" + ONE_USER + "}", end.body().replace(" ", ""));
        String counted = before < 0 ? "statements not counted (embedded Derby)" : (statements(admin) - before) + " statements";
        print("log out everywhere, " + ONE_USER + " sessions", millis + " ms, " + counted);
    }

    private String post(String path) {
        Response r = device().post(path, java.util.Map.of());
        assertEquals(200, r.status(), r::toString);
        return r.body();
    }

    private static long statements(Device d) {
        Response r = d.get("/test/metrics?only=RegistryStatements");
        assertEquals(200, r.status(), r::toString);
        return Long.parseLong(r.body().trim().substring("RegistryStatements=".length()));
    }

    private static void print(String what, String result) {
        System.out.println("RegistryScaleBench: " + what + ": " + result.trim());
    }
}
