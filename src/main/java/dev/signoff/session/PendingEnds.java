package dev.signoff.session;

import dev.signoff.config.SignOffResource;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    private void enqueue(Pending pending) {
        queue.add(pending);
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
        while ((next = queue.peek()) != null) {
            try {
                store(next);
                queue.remove(next);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "SignOff: registry still unavailable, retrying later", e);
                return;
            }
        }
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
