package dev.signoff.it;

import dev.signoff.it.cluster.Latencies;
import dev.signoff.it.cluster.PayaraNode;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static dev.signoff.it.DemoIT.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two real nodes, one registry: two Payara Micro processes clustered by their own Hazelcast data
 * grid (HttpSessions replicated, no sticky routing) on one PostgreSQL database whose tables the
 * admin made from {@code server-config/sql/postgresql.sql}. Each node serves the demo twice:
 * {@code /cluster} with the default staleness (1 s) and {@code /strict} with staleness 0. The
 * same browser's requests go to either node in turn; a session ended on one node — logout, log out
 * everywhere, by an admin, by a password change — must be refused on the other within the
 * staleness (a slack for this shared 2-core machine added), at once with staleness 0, and the
 * live-sign-out stream open on the other node told within the same bound. The time from "log out
 * everywhere returned on A" to "first refusal on B" is measured over {@value #TRIALS} trials
 * each way; the distribution is printed and written to {@code target/cluster/latency.txt}
 * (BENCHMARKS.md).
 */
class ClusterIT {
    private static final String POLL = "cluster";
    private static final String STRICT = "strict";
    private static final Duration STALENESS = Duration.ofSeconds(1);
    /** Scheduling noise of a shared machine running two servers and the test: not part of the promise. */
    private static final Duration SLACK = Duration.ofSeconds(1);
    private static final Duration BOUND = STALENESS.plus(SLACK);
    private static final int TRIALS = Integer.getInteger("signoff.cluster.trials", 200);
    private static final Path DIR = Path.of(System.getProperty("signoff.cluster.dir", "target/cluster"));

    private static PayaraNode a;
    private static PayaraNode b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Files.createDirectories(DIR);
        List<Path> wars = List.of(war(POLL), war(STRICT, "signoff.staleness", "0"));
        String db = System.getProperty("signoff.cluster.database", "signoff_it_cluster");
        PayaraNode.Setup setup = new PayaraNode.Setup(path("signoff.cluster.payaraJar"), path("signoff.cluster.jdbcDriver"),
                Path.of("server-config/payara/cluster-node.sh"), DIR, "signoff-it-" + ProcessHandle.current().pid(),
                List.of(5901, 5911), Map.of("SIGNOFF_DB_HOST", "127.0.0.1", "SIGNOFF_DB_PORT", "5432", "SIGNOFF_DB_NAME", db,
                "SIGNOFF_DB_USER", db, "SIGNOFF_DB_PASSWORD", TestDatabases.DDL_USER_PASSWORD), wars);
        a = PayaraNode.start(setup, "a", 28081, 5901);
        b = PayaraNode.start(setup, "b", 28082, 5911);
        a.awaitReady(Duration.ofMinutes(4), POLL, STRICT);
        b.awaitReady(Duration.ofMinutes(4), POLL, STRICT);
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (PayaraNode node : new PayaraNode[]{a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void oneBrowserGoesToEitherNodeAndALogoutOnOneIsALogoutOnBoth() {
        Device onA = new Device(a.app(POLL));
        Device onB = onA.on(b.app(POLL));
        Response login = onA.post("/login", Map.of("username", "alice", "password", "alice-pw"));
        assertEquals(303, login.status(), login::toString);
        // The first authenticated request, where SignOff binds the login, lands on the other node.
        assertEquals(200, onB.get("/app/").status());
        for (Device node : List.of(onA, onB, onA, onB)) {
            DemoIT.assertSignedIn(node, "alice");
        }
        Device thief = onA.copy().on(b.app(POLL));
        Response out = onB.post("/sessions/log_out", Map.of(), "Origin", onB.origin());
        assertEquals(303, out.status(), out::toString);
        DemoIT.assertSignedOut(onA);
        refusedWithin(thief, BOUND);
    }

    @Test
    void logOutEverywhereOnOneNodeIsRefusedAndPushedOnTheOther() {
        Device laptop = signedIn(a, POLL, "alice");
        Device phone = signedIn(b, POLL, "alice");
        try (EventStreamClient phonePage = EventStreamClient.open(phone, LiveEventsIT.EVENTS)) {
            phonePage.await(":", Duration.ofSeconds(5));
            Response all = laptop.post("/sessions/log_out/all", Map.of(), "Origin", laptop.origin(), "Accept", JSON);
            assertEquals(204, all.status(), all::toString);
            EventStreamClient.Event revoked = phonePage.await("revoked", BOUND);
            assertTrue(revoked.data().contains("\"reason\":\"logout_all\""), revoked::toString);
        }
        refusedWithin(phone, BOUND);
        DemoIT.assertSignedOut(phone.on(a.app(POLL)));
    }

    @Test
    void anAdminOnOneNodeEndsASessionServedByTheOther() {
        Device phone = signedIn(b, POLL, "bob");
        Device admin = signedIn(a, POLL, "admin");
        Response end = admin.delete("/sessions/api/users/bob", "Origin", admin.origin(), "Accept", JSON);
        assertEquals(200, end.status(), end::toString);
        assertTrue(end.body().contains("\"ended\":1"), end::toString);
        refusedWithin(phone, BOUND);
        DemoIT.assertSignedIn(admin.on(b.app(POLL)), "admin");
    }

    @Test
    void aPasswordChangedOnOneNodeEndsTheOtherDevicesOnTheOther() {
        Device laptop = signedIn(a, POLL, "bob");
        Device phone = signedIn(b, POLL, "bob");
        Response change = laptop.post("/app/account/password", Map.of("current", "bob-pw", "new", "bob-new-pw"), "Origin", laptop.origin());
        try {
            assertEquals(303, change.status(), change::toString);
            refusedWithin(phone, BOUND);
            DemoIT.assertSignedIn(laptop.on(b.app(POLL)), "bob");
        } finally {
            // Each node keeps the demo's users in memory: put the password back on the node that changed it.
            laptop.post("/app/account/password", Map.of("current", "bob-new-pw", "new", "bob-pw"), "Origin", laptop.origin());
        }
    }

    @Test
    void fromLogOutEverywhereOnAToTheFirstRefusalOnB() throws Exception {
        Latencies poll = trials(POLL, d -> refusedWithin(d, BOUND));
        Latencies strict = trials(STRICT, ClusterIT::refusedAtOnce);
        String report = poll.summary("poll, staleness " + STALENESS.toMillis() + " ms") + "\n"
                + strict.summary("strict, staleness 0") + "\n";
        System.out.print(report);
        Files.writeString(DIR.resolve("latency.txt"), report);
        assertTrue(poll.max().compareTo(BOUND) <= 0, report);
    }

    /**
     * {@value #TRIALS} trials, in three lanes at once (one demo user each, as log out everywhere
     * ends all of a user's sessions): a device signs in on A and one on B, A logs out everywhere,
     * B's device asks until refused. The latency is from A's answer to B's refusing answer. B's
     * device was seen live by B just before; the end falls at a random point of B's staleness window.
     */
    private static Latencies trials(String app, Function<Device, Duration> firstRefusal) throws Exception {
        List<Callable<List<Duration>>> lanes = new ArrayList<>();
        String[] users = {"alice", "bob", "admin"};
        for (int lane = 0; lane < users.length; lane++) {
            String user = users[lane];
            int count = TRIALS / users.length + (lane < TRIALS % users.length ? 1 : 0);
            lanes.add(() -> {
                List<Duration> measured = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Device onA = signedIn(a, app, user);
                    Device onB = signedIn(b, app, user);
                    // At a random point of B's staleness window, as a real logout falls.
                    Thread.sleep(ThreadLocalRandom.current().nextLong(STALENESS.toMillis()));
                    Response all = onA.post("/sessions/log_out/all", Map.of(), "Origin", onA.origin(), "Accept", JSON);
                    assertEquals(204, all.status(), all::toString);
                    measured.add(firstRefusal.apply(onB));
                }
                return measured;
            });
        }
        Latencies latencies = new Latencies();
        RegistryIT.all(lanes).forEach(latencies::addAll);
        return latencies;
    }

    /** Asks {@code /api/me} until refused (401); fails if still accepted after {@code bound}. */
    private static Duration refusedWithin(Device device, Duration bound) {
        long start = System.nanoTime();
        while (true) {
            Response me = device.get("/api/me", "Accept", JSON);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (me.status() == 401) {
                return waited;
            }
            assertEquals(200, me.status(), me::toString);
            if (waited.compareTo(bound.multipliedBy(3)) > 0) {
                fail("still accepted " + waited.toMillis() + " ms after the session ended on the other node");
            }
            pause();
        }
    }

    /** With staleness 0 the very first request after the other node's answer is refused. */
    private static Duration refusedAtOnce(Device device) {
        long start = System.nanoTime();
        Response me = device.get("/api/me", "Accept", JSON);
        assertEquals(401, me.status(), () -> "staleness 0: the first request after log out everywhere elsewhere must be refused: " + me);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * A device signed in on this node, which has then seen it live: a session the node never
     * checked is read from the registry at its first request anyway, and would say nothing about
     * how soon the node hears of an end made elsewhere.
     */
    private static Device signedIn(PayaraNode node, String app, String user) {
        Device d = new Device(node.app(app));
        d.login(user, user + "-pw");
        DemoIT.assertSignedIn(d, user);
        return d;
    }

    private static Path war(String name, String... settings) {
        Path war = DIR.resolve(name + ".war");
        Deployments.distributable(Deployments.demo(name, settings)).as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " not set (the build's it-cluster execution sets it)");
        }
        return Path.of(value);
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
