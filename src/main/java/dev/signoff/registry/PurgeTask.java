package dev.signoff.registry;

import dev.signoff.config.Configuration;
import dev.signoff.config.PurgeSettings;
import dev.signoff.config.SignOffResource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets what the registry no longer needs: every {@code signoff.purge-interval}, on the server's
 * default {@link ManagedScheduledExecutorService}, deletes sessions that ended or expired more than
 * {@code signoff.retention} ago and audit rows older than {@code signoff.audit-retention}, in
 * batches of {@code signoff.purge-batch-size} rows, each batch its own transaction. Every node runs
 * it; nodes purging at once share the work safely (see {@link Purger}). Started and stopped by
 * {@code SignOffBootstrap} with the application.
 */
@ApplicationScoped
public class PurgeTask {
    private static final Logger LOG = Logger.getLogger(PurgeTask.class.getName());
    private static final long MAX_FIRST_DELAY_MILLIS = 60_000;
    private static final long STOP_WAIT_SECONDS = 10;

    /**
     * What one purge deleted.
     *
     * @param sessions session rows deleted
     * @param audit    audit rows deleted
     */
    public record Result(long sessions, long audit) {
    }

    /**
     * Totals since start, of this node's scheduled runs.
     *
     * @param runs     purges that completed
     * @param failures purges that stopped on an error (retried at the next interval)
     * @param sessions session rows deleted
     * @param audit    audit rows deleted
     */
    public record Totals(long runs, long failures, long sessions, long audit) {
    }

    @Inject
    Configuration configuration;
    @Inject
    Purger purger;
    @Inject
    @SignOffResource
    ManagedScheduledExecutorService scheduler;
    @Inject
    @SignOffResource
    Clock clock;

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong sessionsDeleted = new AtomicLong();
    private final AtomicLong auditDeleted = new AtomicLong();
    private volatile ScheduledFuture<?> scheduled;
    private volatile boolean stopped;

    /** Schedules the purge, unless the interval is zero. Call from a thread of the application (the scheduler's look-up needs java:comp). */
    public synchronized void start() {
        PurgeSettings settings = configuration.settings().purge();
        if (scheduled != null) {
            return;
        }
        if (!settings.enabled()) {
            LOG.info("SignOff purge: off on this node (signoff.purge-interval=0)");
            return;
        }
        long interval = settings.interval().toMillis();
        scheduled = scheduler.scheduleWithFixedDelay(this::runScheduled, Math.min(interval, MAX_FIRST_DELAY_MILLIS),
                interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "SignOff purge: every " + settings.interval() + ", sessions kept " + settings.retention()
                + " after their end, audit rows " + (settings.auditRetention().isZero() ? "forever" : settings.auditRetention())
                + ", " + settings.batchSize() + " rows per transaction");
    }

    /** Cancels the schedule and waits (briefly) for a purge in progress, so the database can be shut down after. */
    public void stop() {
        stopped = true;
        ScheduledFuture<?> s = scheduled;
        if (s != null) {
            s.cancel(false);
        }
        try {
            if (running.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                running.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This node's totals since start. */
    public Totals totals() {
        return new Totals(runs.get(), failures.get(), sessionsDeleted.get(), auditDeleted.get());
    }

    /** Purges everything due at {@code now} (epoch ms), batch after batch, until nothing is left. */
    public Result purge(long now) {
        PurgeSettings settings = configuration.settings().purge();
        long endedBefore = now - settings.retention().toMillis();
        long idleBefore = endedBefore - configuration.settings().lastSeenInterval().toMillis();
        long sessions = 0;
        Purger.Batch batch;
        do {
            batch = LockConflicts.retry("purge batch", () -> purger.sessions(endedBefore, idleBefore, settings.batchSize()));
            sessions += batch.deleted();
        } while (more(batch, settings));
        // Few rows (each expires within signoff.bearer.max-lifetime): one statement.
        LockConflicts.retry("access revocation purge", () -> purger.accessRevocations(endedBefore));
        long audit = 0;
        if (!settings.auditRetention().isZero()) {
            long before = now - settings.auditRetention().toMillis();
            do {
                batch = LockConflicts.retry("audit purge batch", () -> purger.audit(before, settings.batchSize()));
                audit += batch.deleted();
            } while (more(batch, settings));
        }
        return new Result(sessions, audit);
    }

    /**
     * A full batch may leave more behind. A full batch that deleted nothing means another node
     * deleted those rows first and is going on: leave the rest to it.
     */
    private boolean more(Purger.Batch batch, PurgeSettings settings) {
        return !stopped && batch.candidates() == settings.batchSize() && batch.deleted() > 0;
    }

    private void runScheduled() {
        if (!running.tryLock()) {
            return;
        }
        try {
            long now = clock.millis();
            Result r = purge(now);
            runs.incrementAndGet();
            sessionsDeleted.addAndGet(r.sessions());
            auditDeleted.addAndGet(r.audit());
            Level level = r.sessions() + r.audit() > 0 ? Level.INFO : Level.FINE;
            LOG.log(level, () -> "SignOff purge at " + Instant.ofEpochMilli(now) + ": deleted " + r.sessions()
                    + " sessions and " + r.audit() + " audit rows");
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the next interval retries instead.
            failures.incrementAndGet();
            LOG.log(Level.WARNING, "SignOff purge failed; retrying in " + configuration.settings().purge().interval(), e);
        } finally {
            running.unlock();
        }
    }
}
