package dev.signoff.live;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffResource;
import dev.signoff.events.EndReason;
import dev.signoff.events.SessionEnded;
import dev.signoff.session.SessionChecker;
import dev.signoff.session.Terminator;
import dev.signoff.session.Verdict;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's open event streams, by session handle, and what ends them with {@code event: revoked}:
 * <ul>
 * <li>a session ended on this node ({@link SessionEnded}, fired by the one place sessions die):
 *     pushed at once, from the container's managed executor so a slow client never holds up the
 *     logout that caused it;</li>
 * <li>while any stream is open, a managed task runs every staleness interval and checks each
 *     subscribed session in the node's cache without counting it as activity: revocations made on
 *     other nodes (through the node-wide revocation feed the cache reads at most once per interval)
 *     and idle or absolute expiry (which it records, like the filter would) are pushed within the bound;</li>
 * <li>the same task writes a heartbeat comment every {@code signoff.events.heartbeat}, so proxies
 *     keep quiet streams open, and finds streams whose client is gone.</li>
 * </ul>
 * The task stops when the last stream closes and starts again with the next one.
 */
@ApplicationScoped
public class LiveSessions {
    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());
    private static final long MIN_TICK_MILLIS = 200;
    private static final long TICK_WITHOUT_STALENESS_MILLIS = 1000;

    private final Map<String, Set<EventStream>> byHandle = new ConcurrentHashMap<>();
    private ScheduledFuture<?> ticks;
    private boolean stopped;
    private long tickMillis;
    private long heartbeatMillis;
    private volatile long lastHeartbeat;

    @Inject
    SessionChecker checker;
    @Inject
    Terminator terminator;
    @Inject
    Configuration configuration;
    @Inject
    @SignOffResource
    ManagedScheduledExecutorService scheduler;
    @Inject
    @SignOffResource
    Clock clock;

    @PostConstruct
    void init() {
        long staleness = configuration.settings().staleness().toMillis();
        tickMillis = staleness == 0 ? TICK_WITHOUT_STALENESS_MILLIS : Math.max(MIN_TICK_MILLIS, staleness);
        heartbeatMillis = configuration.settings().eventsHeartbeat().toMillis();
        lastHeartbeat = clock.millis();
    }

    /**
     * Adds an open stream. If its session ended between the filter's check and now, the stream
     * gets {@code revoked} at once rather than waiting for the next tick.
     */
    void subscribe(EventStream stream) {
        byHandle.computeIfAbsent(stream.handle(), h -> ConcurrentHashMap.newKeySet()).add(stream);
        startTicks();
        // After the add: an end that the add raced with has marked the cache already (Terminator
        // marks before it fires), so this peek sees it even if the push missed the new stream.
        inspect(stream.handle(), stream.digest());
    }

    void unsubscribe(EventStream stream) {
        byHandle.computeIfPresent(stream.handle(), (h, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    /** Number of open streams on this node. */
    public int streams() {
        return byHandle.values().stream().mapToInt(Set::size).sum();
    }

    /** A session ended on this node: every page of it is told at once (no stream ever opened: nothing to do). */
    void ended(@Observes(notifyObserver = Reception.IF_EXISTS) SessionEnded event) {
        if (!byHandle.containsKey(event.handle())) {
            return;
        }
        String reason = Events.reason(event.reason());
        try {
            scheduler.execute(() -> push(event.handle(), reason));
        } catch (RuntimeException e) {
            // The executor refused (shutting down): push from here, the streams are tiny writes.
            LOG.log(Level.FINE, "SignOff: executor refused the push, pushing on the caller's thread", e);
            push(event.handle(), reason);
        }
    }

    private void push(String handle, String reason) {
        Set<EventStream> streams = byHandle.remove(handle);
        if (streams == null) {
            return;
        }
        for (EventStream stream : streams) {
            stream.sendLast(Events.revoked(reason, stream.loginUrl()));
        }
    }

    private synchronized void startTicks() {
        if (ticks == null && !stopped) {
            try {
                ticks = scheduler.schedule(this::tick, tickMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // The server is shutting the application down: the streams are about to close anyway.
                LOG.log(Level.FINE, "SignOff: no more checks of open event streams", e);
            }
        }
    }

    /**
     * The next round, or none when nobody listens. One-shot tasks that schedule the next, not a
     * periodic one: GlassFish 7 sets a periodic task's context up once but tears it down after every
     * run, after which the registry's EntityManager is closed for it.
     */
    private synchronized void scheduleNextTick() {
        ticks = null;
        if (!byHandle.isEmpty()) {
            startTicks();
        }
    }

    /** One round: every subscribed session checked, a heartbeat when due; stops when nobody listens. */
    void tick() {
        try {
            for (Map.Entry<String, Set<EventStream>> e : byHandle.entrySet()) {
                e.getValue().stream().findAny().ifPresent(s -> inspect(e.getKey(), s.digest()));
            }
            long now = clock.millis();
            if (now - lastHeartbeat >= heartbeatMillis) {
                lastHeartbeat = now;
                byHandle.values().forEach(streams -> streams.forEach(s -> s.send(Events.heartbeat())));
            }
        } catch (RuntimeException e) {
            // A failed round must not cancel the schedule (a thrown exception would); the next one retries.
            LOG.log(Level.WARNING, "SignOff: checking open event streams failed", e);
        } finally {
            scheduleNextTick();
        }
    }

    /** Checks one session without counting it as activity; pushes {@code revoked} if it is dead. */
    private void inspect(String handle, String digest) {
        Verdict verdict;
        try {
            verdict = checker.peek(digest);
        } catch (RuntimeException e) {
            // Registry unavailable: keep the streams; the filter refuses requests meanwhile (fail closed).
            LOG.log(Level.FINE, "SignOff: registry unavailable while checking event streams", e);
            return;
        }
        if (verdict.live()) {
            return;
        }
        verdict.expiry().ifPresent(reason -> terminator.endExpired(handle, digest, reason));
        push(handle, Events.reason(verdict.reason().orElse(null)));
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            stopped = true;
            if (ticks != null) {
                ticks.cancel(false);
                ticks = null;
            }
        }
        byHandle.values().forEach(streams -> streams.forEach(EventStream::close));
        byHandle.clear();
    }
}
