package dev.signoff.metrics;

import dev.signoff.events.EndReason;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong loads = new AtomicLong();
    private final Meter meter = new Meter(nanos::get, loads::get);

    @Test
    void windowWhenASecondPassedThenRateMeanAndMaxOfThatWindow() {
        meter.checked(2_000);
        meter.checked(6_000);
        nanos.addAndGet(2_000_000_000L);

        Meter.Window w = meter.window();

        assertEquals(1.0, w.checksPerSecond(), 1e-9);
        assertEquals(4.0, w.meanMicros(), 1e-9);
        assertEquals(6.0, w.maxMicros(), 1e-9);
    }

    @Test
    void windowWhenReadAgainWithinASecondThenSameFigures() {
        meter.checked(3_000);
        nanos.addAndGet(1_000_000_000L);
        Meter.Window first = meter.window();
        meter.checked(9_000);
        nanos.addAndGet(100_000_000L);

        assertEquals(first, meter.window());
    }

    @Test
    void windowWhenNextWindowThenOnlyItsOwnChecksCount() {
        meter.checked(50_000);
        nanos.addAndGet(1_000_000_000L);
        meter.window();
        meter.checked(1_000);
        nanos.addAndGet(1_000_000_000L);

        Meter.Window second = meter.window();

        assertEquals(1.0, second.checksPerSecond(), 1e-9);
        assertEquals(1.0, second.meanMicros(), 1e-9);
        assertEquals(1.0, second.maxMicros(), 1e-9);
    }

    @Test
    void windowWhenNoChecksThenZeroRateAndZeroMean() {
        nanos.addAndGet(5_000_000_000L);

        Meter.Window w = meter.window();

        assertEquals(0.0, w.checksPerSecond());
        assertEquals(0.0, w.meanMicros());
    }

    @Test
    void cacheHitRatioWhenSomeChecksLoadedTheRowThenTheRestAreHits() {
        for (int i = 0; i < 4; i++) {
            meter.checked(1);
        }
        loads.set(1);

        assertEquals(0.75, meter.cacheHitRatio(), 1e-9);
    }

    @Test
    void cacheHitRatioWhenNoChecksThenOne() {
        assertEquals(1.0, meter.cacheHitRatio());
    }

    @Test
    void sessionsEndedWhenEndedThenCountedByReasonCodeWithEveryReasonPresent() {
        meter.ended(EndReason.IDLE_TIMEOUT);
        meter.ended(EndReason.IDLE_TIMEOUT);
        meter.ended(EndReason.LOGOUT);

        assertEquals(2L, meter.sessionsEnded().get("idle_timeout"));
        assertEquals(1L, meter.sessionsEnded().get("logout"));
        assertEquals(0L, meter.sessionsEnded().get("limit"));
        assertEquals(EndReason.values().length, meter.sessionsEnded().size());
    }

    @Test
    void nameWhenRootContextThenSlash() {
        assertEquals("dev.signoff:type=SignOff,context=\"/\"", MetricsMBeans.name("").toString());
        assertEquals("dev.signoff:type=SignOff,context=\"/shop\"", MetricsMBeans.name("/shop").toString());
    }
}
