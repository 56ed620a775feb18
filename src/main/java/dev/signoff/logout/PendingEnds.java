package dev.signoff.logout;

import dev.signoff.events.EndReason;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revocations that could not be stored because the registry database did not answer, retried
 * every few seconds until it does, so a logout during a database hiccup is not lost. Until then
 * the node that took the logout refuses the session from its cache.
 */
@ApplicationScoped
public class PendingEnds {
    private static final Logger LOG = Logger.getLogger(PendingEnds.class.getName());
    private static final long RETRY_SECONDS = 5;

    /** One revocation to retry: a single session, or all of a user's sessions but {@code keep}. */
    record Pending(Optional<String> handle, String user, Optional<String> keep, EndReason reason) {
    }

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> retries;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    Terminator terminator;

    void add(String handle, EndReason reason) {
        enqueue(new Pending(Optional.of(handle), null, Optional.empty(), reason));
    }

    void addAll(String user, Optional<String> keep, EndReason reason) {
        enqueue(new Pending(Optional.empty(), user, keep, reason));
    }

    private synchronized void enqueue(Pending pending) {
        queue.add(pending);
        if (retries == null && scheduler != null) {
            retries = scheduler.scheduleWithFixedDelay(this::retry, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    void retry() {
        Pending next;
        while ((next = queue.peek()) != null) {
            try {
                if (next.handle().isPresent()) {
                    terminator.end(next.handle().get(), Optional.empty(), next.reason(), null);
                } else {
                    terminator.endAll(next.user(), next.keep(), next.reason(), null);
                }
                queue.remove(next);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "SignOff: registry still unavailable, retrying later", e);
                return;
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (retries != null) {
            retries.cancel(false);
        }
        if (!queue.isEmpty()) {
            LOG.warning(() -> "SignOff: " + queue.size() + " revocations could not be stored before shutdown");
        }
    }
}
