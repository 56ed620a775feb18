package dev.signoff.it;

import dev.signoff.it.cluster.Latencies;
import dev.signoff.it.cluster.PayaraNode;
import dev.signoff.it.outage.TcpProxy;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static dev.signoff.it.DemoIT.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two real nodes, one registry: two Payara Micro processes clustered by their own Hazelcast data
 * grid (HttpSessions replicated, no sticky routing) on one PostgreSQL database whose tables the
 * admin made from {@code server-config/sql/postgresql.sql}. Each node serves the demo four times:
 * {@code /cluster} with the defaults (staleness 1 s, revocations pushed by PostgreSQL NOTIFY),
 * {@code /poll} with the push off, {@code /push} with staleness 30 s and {@code /strict} with
 * staleness 0. The same browser's requests go to either node in turn; a session ended on one
 * node — logout, log out everywhere, by an admin, by a password change — must be refused on the
 * other within the staleness (a slack for this shared 2-core machine added), and the
 * live-sign-out stream open on the other node told within the same bound. The time from "log out
 * everywhere returned on A" to "first refusal on B" is measured over {@value #TRIALS} trials
 * for poll, push and strict; the distribution is printed and written to {@code target/cluster/latency.txt}
 * (BENCHMARKS.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    /** The defaults: staleness 1 s, pushed on PostgreSQL. */
    private static final String DEFAULTS = "cluster";
    private static final String POLL = "poll";
    private static final String PUSH = "push";
    private static final String STRICT = "strict";
    private static final Duration STALENESS = Duration.ofSeconds(1);
    /** Scheduling noise of a shared machine running two servers and the test: not part of the promise. */
    private static final Duration SLACK = Duration.ofSeconds(1);
    private static final Duration BOUND = STALENESS.plus(SLACK);
    /** The push app's staleness: so long that only the push can explain a refusal within {@link #BOUND}. */
    private static final Duration PUSH_STALENESS = Duration.ofSeconds(30);
    private static final int TRIALS = Integer.getInteger("signoff.cluster.trials", 200);
    private static final Path DIR = Path.of(System.getProperty("signoff.cluster.dir", "target/cluster"));

    /** Sessions of one user that log out everywhere ends in one transaction, long enough to be killed in. */
    private static final int CRASH_SESSIONS = 10_000;

    private static PayaraNode.Setup setup;
    private static String database;
    private static PayaraNode a;
    private static PayaraNode b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Files.createDirectories(DIR);
        List<Path> wars = List.of(war(DEFAULTS), war(POLL, "signoff.revocation-push", "off"),
                war(PUSH, "signoff.staleness", PUSH_STALENESS.toSeconds() + "s"), war(STRICT, "signoff.staleness", "0"));
        String db = System.getProperty("signoff.cluster.database", "signoff_it_cluster");
        database = db;
        setup = new PayaraNode.Setup(path("signoff.cluster.payaraJar"), path("signoff.cluster.jdbcDriver"),
                Path.of("server-config/payara/cluster-node.sh"), DIR, "signoff-it-" + ProcessHandle.current().pid(),
                List.of(5901, 5911), Map.of("SIGNOFF_DB_HOST", "127.0.0.1", "SIGNOFF_DB_PORT", System.getProperty("signoff.cluster.db.port", "5432"), "SIGNOFF_DB_NAME", db,
                "SIGNOFF_DB_USER", db, "SIGNOFF_DB_PASSWORD", TestDatabases.DDL_USER_PASSWORD), wars);
        a = PayaraNode.start(setup, "a", 28081, 5901);
        b = PayaraNode.start(setup, "b", 28082, 5911);
        a.awaitReady(Duration.ofMinutes(4), DEFAULTS, POLL, PUSH, STRICT);
        b.awaitReady(Duration.ofMinutes(4), DEFAULTS, POLL, PUSH, STRICT);
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
        Device onA = new Device(a.app(DEFAULTS));
        Device onB = onA.on(b.app(DEFAULTS));
        Response login = onA.post("/login", Map.of("username", "alice", "password", "alice-pw"));
        assertEquals(303, login.status(), login::toString);
        // The first authenticated request, where SignOff binds the login, lands on the other node.
        assertEquals(200, onB.get("/app/").status());
        for (Device node : List.of(onA, onB, onA, onB)) {
            DemoIT.assertSignedIn(node, "alice");
        }
        Device thief = onA.copy().on(b.app(DEFAULTS));
        Response out = onB.post("/sessions/log_out", Map.of(), "Origin", onB.origin());
        assertEquals(303, out.status(), out::toString);
        DemoIT.assertSignedOut(onA);
        refusedWithin(thief, BOUND);
    }

    @Test
    void logOutEverywhereOnOneNodeIsRefusedAndPushedOnTheOther() {
        Device laptop = signedIn(a, DEFAULTS, "alice");
        Device phone = signedIn(b, DEFAULTS, "alice");
        try (EventStreamClient phonePage = EventStreamClient.open(phone, LiveEventsIT.EVENTS)) {
            phonePage.await(":", Duration.ofSeconds(5));
            Response all = laptop.post("/sessions/log_out/all", Map.of(), "Origin", laptop.origin(), "Accept", JSON);
            assertEquals(204, all.status(), all::toString);
            EventStreamClient.Event revoked = phonePage.await("revoked", BOUND);
            assertTrue(revoked.data().contains("\"reason\":\"logout_all\""), revoked::toString);
        }
        refusedWithin(phone, BOUND);
        DemoIT.assertSignedOut(phone.on(a.app(DEFAULTS)));
    }

    @Test
    void anAdminOnOneNodeEndsASessionServedByTheOther() {
        Device phone = signedIn(b, DEFAULTS, "bob");
        Device admin = signedIn(a, DEFAULTS, "admin");
        Response end = admin.delete("/sessions/api/users/bob", "Origin", admin.origin(), "Accept", JSON);
        assertEquals(200, end.status(), end::toString);
        assertTrue(end.body().matches("\\{\"ended\":[1-9][0-9]*}"), end::toString); // bob's other tests' devices may count too
        refusedWithin(phone, BOUND);
        DemoIT.assertSignedIn(admin.on(b.app(DEFAULTS)), "admin");
    }

    @Test
    void aPasswordChangedOnOneNodeEndsTheOtherDevicesOnTheOther() {
        Device laptop = signedIn(a, DEFAULTS, "bob");
        Device phone = signedIn(b, DEFAULTS, "bob");
        Response change = laptop.post("/app/account/password", Map.of("current", "bob-pw", "new", "bob-new-pw"), "Origin", laptop.origin());
        try {
            assertEquals(303, change.status(), change::toString);
            refusedWithin(phone, BOUND);
            DemoIT.assertSignedIn(laptop.on(b.app(DEFAULTS)), "bob");
        } finally {
            // Each node keeps the demo's users in memory: put the password back on the node that changed it.
            laptop.post("/app/account/password", Map.of("current", "bob-new-pw", "new", "bob-pw"), "Origin", laptop.origin());
        }
    }

    /**
     * {@code kill -9} of the node in the middle of ending {@value #CRASH_SESSIONS} sessions of one
     * user (the admin's {@code DELETE /sessions/api/users/{user}}, log out everywhere's own
     * transaction), killed while its transaction is in the middle: the test holds the lock of the
     * user's last row, so the end (on PostgreSQL one statement, which takes a fraction of a second)
     * waits there holding all the others, seen in {@code pg_stat_activity}. Afterwards all of them are
     * ended or none, never some; asked again (on the other node) the end goes through. Last: node A
     * stays down.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void killedInTheMiddleOfEndingManySessionsThenAllOrNoneEnded() throws Exception {
        String user = "crash-" + ProcessHandle.current().pid();
        try (Connection db = cluster()) {
            seed(db, user, CRASH_SESSIONS);
        }
        Device admin = signedIn(a, DEFAULTS, "admin");
        AtomicReference<Response> answered = new AtomicReference<>();
        Thread call = new Thread(() -> {
            try {
                answered.set(admin.delete("/sessions/api/users/" + user, "Origin", admin.origin(), "Accept", JSON));
            } catch (AssertionError killed) {
                // the connection dies with the node: expected
            }
        });
        try (Connection db = cluster(); Connection lastRow = lockLastRow(user)) {
            call.start();
            awaitEndsUnderway(db);
            a.kill();
        } // closing the connection lets go of the last row
        call.join();
        assertNull(answered.get(), "the end finished before the kill, so nothing was tested: seed more sessions");
        long ended;
        try (Connection db = cluster()) {
            ended = revoked(db, user);
        }
        System.out.println("ClusterIT: after kill -9 in log out everywhere, " + ended + " of " + CRASH_SESSIONS + " sessions ended");
        assertTrue(ended == 0 || ended == CRASH_SESSIONS, () -> "some sessions ended, not all or none: " + ended);

        Device again = signedIn(b, DEFAULTS, "admin");
        long asked = System.nanoTime();
        Response end = again.delete("/sessions/api/users/" + user, "Origin", again.origin(), "Accept", JSON);
        assertEquals(200, end.status(), end::toString);
        System.out.println("ClusterIT: node B ended " + CRASH_SESSIONS + " sessions of one user in " + (System.nanoTime() - asked) / 1_000_000 + " ms");
        try (Connection db = cluster()) {
            assertEquals(CRASH_SESSIONS, revoked(db, user), "every session ended when asked again");
        }
    }

    /**
     * A logout taken while the registry is cut is kept on the node's disk: {@code kill -9} of that
     * node before the database returns does not lose it — the restarted node stores it.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aLogoutTakenDuringAnOutageOutlivesAKillOfTheNodeThatTookIt() throws Exception {
        Device phone = signedIn(a, DEFAULTS, "bob");
        String handle = SessionsApi.currentHandle(phone);
        TcpProxy.running().cut();
        try {
            Thread.sleep(1500); // beyond the staleness: the node may not vouch for the session from its cache
            Response out = phone.post("/sessions/log_out", Map.of(), "Origin", phone.origin(), "Accept", JSON);
            assertEquals(204, out.status(), out::toString);
            assertEquals("unreachable", out.header("SignOff-Registry").orElse(""), out::toString);
            a.kill();
        } finally {
            TcpProxy.running().heal();
        }
        try (Connection db = cluster()) {
            assertFalse(isRevoked(db, handle), "not stored before the restart: the database was cut");
        }
        a = PayaraNode.start(setup, "a", 28081, 5901).awaitReady(Duration.ofMinutes(4), DEFAULTS, POLL, PUSH, STRICT);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos(); // one retry (5 s) after the start
        try (Connection db = cluster()) {
            while (!isRevoked(db, handle)) {
                assertTrue(System.nanoTime() < deadline, "the restarted node did not store the logout it took before the kill");
                Thread.sleep(200);
            }
        }
    }

    private static boolean isRevoked(Connection db, String handle) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT END_REASON FROM SIGNOFF_SESSION WHERE HANDLE = ? AND REVOKED_AT IS NOT NULL")) {
            p.setString(1, handle);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && "LOGOUT".equals(r.getString(1));
            }
        }
    }

    private static void seed(Connection db, String user, int count) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement p = db.prepareStatement("INSERT INTO SIGNOFF_SESSION (HANDLE, TOKEN_DIGEST, USER_NAME, PURPOSE,"
                + " CREATED_AT, LAST_SEEN_AT, IDLE_EXPIRES_AT, ABSOLUTE_EXPIRES_AT) VALUES (?, ?, ?, 'SESSION', ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String id = String.format("%08x%08x", ProcessHandle.current().pid(), i);
                p.setString(1, "crash" + id);
                p.setString(2, String.format("%064x", (long) user.hashCode() * 1_000_000L + i));
                p.setString(3, user);
                p.setLong(4, now);
                p.setLong(5, now);
                p.setLong(6, now + 3_600_000);
                p.setLong(7, now + 3_600_000);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * Holds the lock of the user's last row in handle order (the order ends lock in), in an open
     * transaction: a log out everywhere then waits there, in the middle of its own — for at most the
     * registry's statement timeout (3 s), well beyond what the kill takes.
     */
    private static Connection lockLastRow(String user) throws SQLException {
        Connection c = cluster();
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("SELECT HANDLE FROM SIGNOFF_SESSION WHERE USER_NAME = ?"
                + " ORDER BY HANDLE COLLATE \"C\" DESC LIMIT 1 FOR UPDATE")) {
            p.setString(1, user);
            p.executeQuery().close();
        }
        return c;
    }

    /** Waits until a node's log out everywhere is in its transaction: it has sent the row ends, not committed. */
    private static void awaitEndsUnderway(Connection db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND state IN ('active', 'idle in transaction') AND query LIKE '%UPDATE SIGNOFF_SESSION SET REVOKED_AT%'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = p.executeQuery()) {
                    if (r.next() && r.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(2);
            }
        }
        fail("no node started ending the sessions within 30 s");
    }

    private static long revoked(Connection db, String user) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM SIGNOFF_SESSION WHERE USER_NAME = ? AND REVOKED_AT IS NOT NULL")) {
            p.setString(1, user);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Connection cluster() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, database, TestDatabases.DDL_USER_PASSWORD);
    }

    /**
     * Poll only (push off): within the staleness. Push: within {@link #BOUND} although the app's
     * staleness is {@link #PUSH_STALENESS}, so the announcement did it. Staleness 0: the first request.
     */
    @Test
    void fromLogOutEverywhereOnAToTheFirstRefusalOnB() throws Exception {
        Latencies poll = trials(POLL, STALENESS, d -> refusedWithin(d, BOUND));
        // The phase of B's feed reads does not matter to these two: a short random pause will do.
        Latencies push = trials(PUSH, Duration.ofMillis(100), d -> refusedWithin(d, BOUND));
        Latencies strict = trials(STRICT, Duration.ofMillis(100), ClusterIT::refusedAtOnce);
        String report = poll.summary("poll, staleness " + STALENESS.toMillis() + " ms, push off") + "\n"
                + push.summary("push, staleness " + PUSH_STALENESS.toMillis() + " ms") + "\n"
                + strict.summary("strict, staleness 0") + "\n";
        System.out.print(report);
        Files.writeString(DIR.resolve("latency.txt"), report);
    }

    /**
     * {@value #TRIALS} trials, in three lanes at once (one demo user each, as log out everywhere
     * ends all of a user's sessions): a device signs in on A and one on B, A logs out everywhere,
     * B's device asks until refused. The latency is from A's answer to B's refusing answer. B's
     * device was seen live by B just before; the end falls at a random point of B's staleness window.
     */
    private static Latencies trials(String app, Duration window, Function<Device, Duration> firstRefusal) throws Exception {
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
                    Thread.sleep(ThreadLocalRandom.current().nextLong(window.toMillis()));
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
            if (waited.compareTo(bound) > 0) {
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
