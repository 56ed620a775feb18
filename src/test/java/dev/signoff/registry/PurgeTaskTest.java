package dev.signoff.registry;

import dev.signoff.config.Configuration;
import dev.signoff.config.SettingsLoader;
import dev.signoff.config.SignOffSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PurgeTaskTest {
    private static final long NOW = 1_800_000_000_000L;

    /** A Purger that answers scripted batches and records what it was asked. */
    static final class ScriptedPurger extends Purger {
        final Deque<Batch> sessionBatches = new ArrayDeque<>();
        final Deque<Batch> auditBatches = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Batch sessions(long endedBefore, long idleBefore, int limit) {
            calls.add("sessions " + endedBefore + " " + idleBefore + " " + limit);
            return sessionBatches.isEmpty() ? new Batch(0, 0) : sessionBatches.removeFirst();
        }

        @Override
        public int accessRevocations(long before) {
            calls.add("access revocations " + before);
            return 0;
        }

        @Override
        public Batch audit(long before, int limit) {
            calls.add("audit " + before + " " + limit);
            return auditBatches.isEmpty() ? new Batch(0, 0) : auditBatches.removeFirst();
        }
    }

    private static PurgeTask task(ScriptedPurger purger, String... settings) {
        Map<String, String> params = new java.util.HashMap<>();
        for (int i = 0; i + 1 < settings.length; i += 2) {
            params.put(settings[i], settings[i + 1]);
        }
        SignOffSettings loaded = SettingsLoader.load(params::get, Map.of(), Map.of()).settings();
        PurgeTask task = new PurgeTask();
        task.configuration = new Configuration() {
            @Override
            public SignOffSettings settings() {
                return loaded;
            }
        };
        task.purger = purger;
        return task;
    }

    @Test
    void purgeWhenRunThenSessionsEndedBeforeRetentionAndIdleCutoffEarlierByTheLastSeenInterval() {
        ScriptedPurger purger = new ScriptedPurger();

        task(purger, "signoff.retention", "7d", "signoff.last-seen-interval", "2m", "signoff.audit-retention", "90d",
                "signoff.purge-batch-size", "100").purge(NOW);

        long ended = NOW - Duration.ofDays(7).toMillis();
        assertEquals(List.of("sessions " + ended + " " + (ended - 120_000) + " 100",
                "access revocations " + ended, // records of access tokens: the retention after they stopped mattering
                "audit " + (NOW - Duration.ofDays(90).toMillis()) + " 100"), purger.calls);
    }

    @Test
    void purgeWhenBatchesComeBackFullThenGoesOnUntilAPartialOne() {
        ScriptedPurger purger = new ScriptedPurger();
        purger.sessionBatches.addAll(List.of(new Purger.Batch(10, 10), new Purger.Batch(10, 7), new Purger.Batch(4, 4)));
        purger.auditBatches.addAll(List.of(new Purger.Batch(10, 10), new Purger.Batch(0, 0)));

        PurgeTask.Result r = task(purger, "signoff.purge-batch-size", "10").purge(NOW);

        assertEquals(new PurgeTask.Result(21, 10), r);
        assertEquals(6, purger.calls.size(), purger.calls::toString);
    }

    @Test
    void purgeWhenAFullBatchDeletedNothingThenLeavesTheRestToTheNodeThatDid() {
        ScriptedPurger purger = new ScriptedPurger();
        purger.sessionBatches.addAll(List.of(new Purger.Batch(10, 0), new Purger.Batch(10, 10)));

        PurgeTask.Result r = task(purger, "signoff.purge-batch-size", "10").purge(NOW);

        assertEquals(0, r.sessions());
        assertEquals(1, purger.calls.stream().filter(c -> c.startsWith("sessions")).count());
    }

    @Test
    void purgeWhenAuditRetentionZeroThenAuditRowsAreKept() {
        ScriptedPurger purger = new ScriptedPurger();

        task(purger, "signoff.audit-retention", "0").purge(NOW);

        assertEquals(0, purger.calls.stream().filter(c -> c.startsWith("audit")).count());
    }
}
