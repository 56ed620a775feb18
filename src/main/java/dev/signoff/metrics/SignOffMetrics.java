package dev.signoff.metrics;

import dev.signoff.config.SignOffResource;
import dev.signoff.events.SessionEnded;
import dev.signoff.events.SessionStarted;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.StatementCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's SignOff metrics: counters fed by the filter's checks and by SignOff's own
 * events, plus the registry's live-session count. Published through JMX by {@link MetricsMBeans}.
 */
@ApplicationScoped
public class SignOffMetrics implements SignOffMetricsMXBean {
    private static final Logger LOG = Logger.getLogger(SignOffMetrics.class.getName());
    private static final long LIVE_COUNT_MAX_AGE_MILLIS = 5_000;

    @Inject
    SessionRegistry registry;
    @Inject
    @SignOffResource
    Clock clock;

    private final LongAdder cacheLoads = new LongAdder();
    private final Meter meter = new Meter(System::nanoTime, cacheLoads::sum);
    private volatile long liveCount = -1;
    private volatile long liveCountAt = Long.MIN_VALUE / 4; // far past, without overflow in now - liveCountAt

    /**
     * Called at start-up on the app's thread: makes the registry look up its EntityManager now,
     * since JMX threads cannot ({@code java:comp} is refused there on WildFly).
     */
    public void prepare() {
        registry.ready();
    }

    /** The counters the hot path writes to. */
    public Meter meter() {
        return meter;
    }

    /** A check had to read its session's row: a cache miss. */
    public void cacheLoad() {
        cacheLoads.increment();
    }

    void onStarted(@Observes SessionStarted event) {
        meter.started();
    }

    void onEnded(@Observes SessionEnded event) {
        meter.ended(event.reason());
    }

    @Override
    public long getLiveSessions() {
        long now = clock.millis();
        if (now - liveCountAt >= LIVE_COUNT_MAX_AGE_MILLIS) {
            try {
                liveCount = registry.countLive(now);
            } catch (RuntimeException e) {
                meter.databaseError();
                LOG.log(Level.WARNING, "SignOff: cannot count live sessions", e);
                liveCount = -1;
            }
            liveCountAt = now;
        }
        return liveCount;
    }

    @Override
    public long getSessionsStarted() {
        return meter.sessionsStarted();
    }

    @Override
    public Map<String, Long> getSessionsEnded() {
        return meter.sessionsEnded();
    }

    @Override
    public long getChecks() {
        return meter.checks();
    }

    @Override
    public double getChecksPerSecond() {
        return meter.window().checksPerSecond();
    }

    @Override
    public double getCacheHitRatio() {
        return meter.cacheHitRatio();
    }

    @Override
    public double getCheckLatencyMeanMicros() {
        return meter.window().meanMicros();
    }

    @Override
    public double getCheckLatencyMaxMicros() {
        return meter.window().maxMicros();
    }

    @Override
    public long getDatabaseErrors() {
        return meter.databaseErrors();
    }

    @Override
    public long getRegistryStatements() {
        return StatementCount.sinceStart();
    }
}
