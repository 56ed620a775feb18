package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.signoff.it.RegistryIT.DAY;
import static dev.signoff.it.RegistryIT.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes on one registry database: two deployments of the app on the same server, each with its
 * own persistence unit, pool and purge schedule (every second), pointing at the same database.
 * Both purge at once — on schedule and on demand — and every row is deleted exactly once, with
 * no failed run. Needs a database two applications can share, so the build runs it in the
 * PostgreSQL and MariaDB executions (embedded Derby belongs to one application).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodesIT {
    private static final int SESSIONS = 2000;
    private static final int AUDIT = 1000;
    /** Far longer than anything the other tests leave behind, so the counts below are exactly this test's rows. */
    private static final String RETENTION = "3650d";

    @Deployment(name = "a", testable = false, order = 1)
    static WebArchive nodeA() {
        return node("node-a");
    }

    @Deployment(name = "b", testable = false, order = 2)
    static WebArchive nodeB() {
        return node("node-b");
    }

    private static WebArchive node(String name) {
        return Deployments.demo(name, "signoff.purge-interval", "1s", "signoff.purge-batch-size", "50",
                "signoff.retention", RETENTION, "signoff.audit-retention", RETENTION).addClass(RegistryServlet.class);
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL a;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL b;

    private Registry node(URL url) {
        return new Registry(new Device(URI.create(url.toString())));
    }

    @Test
    void twoNodesPurgingTheSameRowsAtOnceDeleteEachExactlyOnce() throws Exception {
        long now = System.currentTimeMillis();
        long longAgo = now - 3660 * DAY;
        long[] a0 = node(a).totals();
        long[] b0 = node(b).totals();
        String user = "two-nodes" + RUN;
        node(a).seed(user, SESSIONS, longAgo - DAY, longAgo, longAgo, longAgo, AUDIT, longAgo);

        List<Callable<long[]>> onDemand = new ArrayList<>();
        for (URL node : List.of(a, b, a, b)) {
            onDemand.add(() -> node(node).purge(System.currentTimeMillis()));
        }
        long sessions = 0;
        long audit = 0;
        for (long[] purged : RegistryIT.all(onDemand)) {
            sessions += purged[0];
            audit += purged[1];
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        long[] total;
        do {
            Thread.sleep(500);
            total = sum(sessions, audit, a0, b0);
        } while ((total[0] < SESSIONS || total[1] < AUDIT) && System.nanoTime() < deadline);
        Thread.sleep(1500); // one more round of both schedules: nothing may be deleted twice

        assertEquals(new Registry.Counts(0, 0, 0), node(b).count(user), "every seeded row gone");
        assertEquals(SESSIONS, sum(sessions, audit, a0, b0)[0], "session rows deleted, on demand and on schedule, both nodes");
        assertEquals(AUDIT, sum(sessions, audit, a0, b0)[1], "audit rows deleted");
        assertEquals(a0[1], node(a).totals()[1], "failed scheduled purges on node a");
        assertEquals(b0[1], node(b).totals()[1], "failed scheduled purges on node b");
    }

    /** {sessions, audit} deleted so far: on demand plus both nodes' scheduled runs since the start. */
    private long[] sum(long sessions, long audit, long[] a0, long[] b0) {
        long[] a1 = node(a).totals();
        long[] b1 = node(b).totals();
        return new long[]{sessions + a1[2] - a0[2] + b1[2] - b0[2], audit + a1[3] - a0[3] + b1[3] - b0[3]};
    }
}
