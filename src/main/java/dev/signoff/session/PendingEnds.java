package dev.signoff.session;

import dev.signoff.config.SignOffResource;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends that could not be stored because the registry database did not answer, retried every few
 * seconds (on the server's managed scheduler) until it does, so that an end during a database
 * hiccup is not lost. Until then the node that took it refuses the session from its cache.
 * One-shot tasks that schedule the next while ends wait, not a periodic one: GlassFish 7 sets a
 * periodic task's context up once but tears it down after every run, after which the registry's
 * EntityManager is closed for it.
 */
@ApplicationScoped
public class PendingEnds {
    private static final Logger LOG = Logger.getLogger(PendingEnds.class.getName());
    private static final long RETRY_SECONDS = 5;

    /** One end to retry: a single session, or all of a user's sessions of the purposes but {@code keep}. */
    record Pending(Optional<String> handle, String user, Optional<String> keep, Set<Purpose> purposes, EndReason reason) {
    }

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> retries;
    private boolean stopped;
    /** Null until {@link #resume}, and with {@code signoff.pending-ends=none}: the queue lives in memory only. */
    private volatile PendingJournal journal;

    @Inject
    @SignOffResource
    ManagedScheduledExecutorService scheduler;
    @Inject
    Terminator terminator;

    void add(String handle, EndReason reason) {
        enqueue(new Pending(Optional.of(handle), null, Optional.empty(), Set.of(), reason));
    }

    void addAll(String user, Optional<String> keep, Set<Purpose> purposes, EndReason reason) {
        enqueue(new Pending(Optional.empty(), user, keep, purposes, reason));
    }

    /** Ends waiting for the registry. */
    public int size() {
        return queue.size();
    }

    /**
     * At start-up: the ends this app's previous run on this node took and could not store (its
     * journal in {@code directory}), queued again and retried.
     */
    public void resume(Path directory, String contextPath) {
        PendingJournal j = new PendingJournal(directory.resolve(fileName(contextPath)));
        try {
            List<Pending> left = j.load();
            queue.addAll(left);
            if (!left.isEmpty()) {
                LOG.info(() -> "SignOff: " + left.size() + " session ends taken before the restart are stored as soon as the registry answers");
            }
        } catch (IOException e) {
            LOG.warning(() -> "SignOff: cannot read the pending ends in " + j.file() + " (" + e + ")");
        }
        journal = j;
        scheduleRetry();
    }

    private void enqueue(Pending pending) {
        synchronized (queue) {
            queue.add(pending);
            PendingJournal j = journal;
            if (j != null) {
                try {
                    j.append(pending);
                } catch (IOException e) {
                    LOG.warning(() -> "SignOff: a pending end is kept in memory only, lost if this node restarts before the "
                            + "registry answers: cannot write " + j.file() + " (" + e + ")");
                }
            }
        }
        scheduleRetry();
    }

    /** A retry in a few seconds, unless one is already waiting or nothing is left to store. */
    private synchronized void scheduleRetry() {
        if (retries != null || stopped || queue.isEmpty()) {
            return;
        }
        try {
            retries = scheduler.schedule(this::retry, RETRY_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // The server is stopping the application; stop() reports what is left.
            LOG.log(Level.FINE, "SignOff: no more retries of pending ends", e);
        }
    }

    /** Applies the queued ends in order, stopping at the first the registry still refuses. */
    void retry() {
        try {
            storeQueued();
        } finally {
            synchronized (this) {
                retries = null;
            }
            scheduleRetry();
        }
    }

    private void storeQueued() {
        Pending next;
        boolean stored = false;
        try {
            while ((next = queue.peek()) != null) {
                store(next);
                queue.remove(next);
                stored = true;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "SignOff: registry still unavailable, retrying later", e);
        } finally {
            if (stored) {
                forgetStored();
            }
        }
    }

    /** The journal keeps only what is still queued (a crash before this stores some ends twice: harmless). */
    private void forgetStored() {
        PendingJournal j = journal;
        if (j == null) {
            return;
        }
        synchronized (queue) {
            try {
                j.rewrite(List.copyOf(queue));
            } catch (IOException e) {
                LOG.warning(() -> "SignOff: cannot rewrite " + j.file() + " (" + e + "); its stored ends are stored again after a restart");
            }
        }
    }

    /** {@code /shop} → {@code shop.log}, the root context → {@code ROOT.log}; other characters become '_'. */
    static String fileName(String contextPath) {
        String name = contextPath.isEmpty() || contextPath.equals("/") ? "ROOT" : contextPath.substring(1);
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".log";
    }

    private void store(Pending pending) {
        if (pending.handle().isPresent()) {
            terminator.endInRegistry(pending.handle().get(), pending.reason(), null);
        } else {
            terminator.endAllInRegistry(pending.user(), pending.keep(), pending.purposes(), pending.reason(), null);
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (retries != null) {
            retries.cancel(false);
        }
        if (!queue.isEmpty()) {
            LOG.warning(() -> "SignOff: " + queue.size() + " session ends could not be stored before shutdown");
        }
    }
}
