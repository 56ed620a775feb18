package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import static dev.signoff.it.RegistryIT.DAY;
import static dev.signoff.it.RegistryIT.RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The purge runs by itself on the server's managed scheduled executor, every signoff.purge-interval. */
class PurgeScheduleIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("purge-schedule", "signoff.purge-interval", "1s", "signoff.purge-batch-size", "100")
                .addClass(RegistryServlet.class);
    }

    @Test
    void scheduledPurgeDeletesEndedRowsAndOldAuditRowsWithinAFewIntervals() throws InterruptedException {
        Registry r = new Registry(device());
        long now = System.currentTimeMillis();
        long[] before = r.totals();
        r.seed("scheduled-old" + RUN, 250, now - 31 * DAY, now - 30 * DAY, now - 29 * DAY, now - 30 * DAY, 120, now - 100 * DAY);
        r.seed("scheduled-recent" + RUN, 5, now - DAY, now - DAY, now + DAY, now - DAY, 5, now - DAY);

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!(r.count("scheduled-old" + RUN).equals(new Registry.Counts(0, 0, 0)) && r.totals()[3] - before[3] >= 120)
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }

        assertEquals(new Registry.Counts(0, 0, 0), r.count("scheduled-old" + RUN), "ended rows and old audit rows purged");
        assertEquals(new Registry.Counts(5, 5, 0), r.count("scheduled-recent" + RUN), "rows within their retention kept");
        long[] after = r.totals();
        assertTrue(after[0] > before[0], "the scheduled purge ran");
        assertEquals(0, after[1], "no scheduled purge failed");
        assertTrue(after[2] - before[2] >= 250, "sessions deleted by the scheduled purge: " + (after[2] - before[2]));
        assertTrue(after[3] - before[3] >= 120, "audit rows deleted by the scheduled purge: " + (after[3] - before[3]));
    }
}
