package dev.signoff.metrics;

import dev.signoff.events.EndReason;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The counters behind {@link SignOffMetricsMXBean}, in plain Java: the hot path (a check) adds to
 * striped counters and one max; windows are cut only when an operator reads them.
 */
public final class Meter {
    static final long MIN_WINDOW_NANOS = 1_000_000_000L;

    private final LongAdder checks = new LongAdder();
    private final LongAdder checkNanos = new LongAdder();
    private final AtomicLong maxCheckNanos = new AtomicLong();
    private final LongAdder databaseErrors = new LongAdder();
    private final LongAdder started = new LongAdder();
    private final Map<EndReason, LongAdder> ended = new EnumMap<>(EndReason.class);
    private final LongSupplier nanoTime;
    private final LongSupplier cacheLoads;

    private Window window;

    /**
     * @param nanoTime   the clock windows are measured with ({@code System::nanoTime})
     * @param cacheLoads how many checks had to read the session's row (the rest were cache hits)
     */
    public Meter(LongSupplier nanoTime, LongSupplier cacheLoads) {
        this.nanoTime = nanoTime;
        this.cacheLoads = cacheLoads;
        for (EndReason r : EndReason.values()) {
            ended.put(r, new LongAdder());
        }
        this.window = new Window(nanoTime.getAsLong(), 0, 0, 0, 0, 0);
    }

    /** One check of the filter, and how long it took. */
    public void checked(long nanos) {
        checks.increment();
        checkNanos.add(nanos);
        long max = maxCheckNanos.get();
        while (nanos > max && !maxCheckNanos.compareAndSet(max, nanos)) {
            max = maxCheckNanos.get();
        }
    }

    public void databaseError() {
        databaseErrors.increment();
    }

    public void started() {
        started.increment();
    }

    public void ended(EndReason reason) {
        ended.get(reason).increment();
    }

    public long checks() {
        return checks.sum();
    }

    public long databaseErrors() {
        return databaseErrors.sum();
    }

    public long sessionsStarted() {
        return started.sum();
    }

    /** Ended sessions by reason code, every reason present (zero when none). */
    public Map<String, Long> sessionsEnded() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        ended.forEach((reason, count) -> byReason.put(reason.code(), count.sum()));
        return byReason;
    }

    /** Share of checks that did not read the session's row; 1 before the first check. */
    public double cacheHitRatio() {
        long n = checks.sum();
        if (n == 0) {
            return 1.0;
        }
        long loads = Math.min(cacheLoads.getAsLong(), n);
        return (double) (n - loads) / n;
    }

    /** The figures of the last window; cuts a new window when the current one is at least a second old. */
    public synchronized Window window() {
        long now = nanoTime.getAsLong();
        long elapsed = now - window.endNanos;
        if (elapsed >= MIN_WINDOW_NANOS) {
            long n = checks.sum();
            long nanos = checkNanos.sum();
            long dn = n - window.checks;
            double perSecond = dn * 1e9 / elapsed;
            double mean = dn == 0 ? 0 : (nanos - window.checkNanos) / 1e3 / dn;
            double max = maxCheckNanos.getAndSet(0) / 1e3;
            window = new Window(now, n, nanos, perSecond, mean, max);
        }
        return window;
    }

    /** Figures over the window that ended at {@code endNanos}. */
    public record Window(long endNanos, long checks, long checkNanos, double checksPerSecond,
                         double meanMicros, double maxMicros) {
    }
}
