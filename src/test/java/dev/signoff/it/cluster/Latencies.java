package dev.signoff.it.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Measured durations and their distribution (nearest-rank percentiles), for a report line. */
public final class Latencies {
    private final List<Duration> values = new ArrayList<>();

    public synchronized void addAll(Collection<Duration> measured) {
        values.addAll(measured);
    }

    public synchronized Duration percentile(double p) {
        if (values.isEmpty()) {
            throw new IllegalStateException("nothing measured");
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public Duration max() {
        return percentile(100);
    }

    /** e.g. {@code poll: n=200 p50=512.3 ms p99=1004.1 ms max=1010.0 ms}. */
    public synchronized String summary(String label) {
        return String.format(Locale.ROOT, "%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", label, values.size(),
                millis(percentile(50)), millis(percentile(90)), millis(percentile(99)), millis(max()));
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
