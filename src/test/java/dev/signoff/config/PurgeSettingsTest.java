package dev.signoff.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PurgeSettingsTest {

    private static PurgeSettings load(Map<String, String> contextParams) {
        return SettingsLoader.load(contextParams::get, Map.of(), Map.of()).settings().purge();
    }

    @Test
    void defaultsWhenNothingConfiguredThenWeekForSessionsQuarterForAuditHourlyInBatchesOf500() {
        PurgeSettings p = SignOffSettings.defaults().purge();

        assertEquals(Duration.ofDays(7), p.retention());
        assertEquals(Duration.ofDays(90), p.auditRetention());
        assertEquals(Duration.ofHours(1), p.interval());
        assertEquals(500, p.batchSize());
        assertTrue(p.enabled());
    }

    @Test
    void loadWhenIntervalZeroThenThisNodeNeverPurges() {
        assertFalse(load(Map.of("signoff.purge-interval", "0")).enabled());
    }

    @Test
    void loadWhenAuditRetentionZeroThenAccepted() {
        assertEquals(Duration.ZERO, load(Map.of("signoff.audit-retention", "0")).auditRetention());
    }

    @Test
    void loadWhenRetentionAtTheMinimumThenAccepted() {
        assertEquals(PurgeSettings.MIN_RETENTION, load(Map.of("signoff.retention", "10m")).retention());
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({
            "signoff.retention, 9m",
            "signoff.retention, 0",
            "signoff.retention, forever",
            "signoff.audit-retention, -1d",
            "signoff.purge-interval, often",
            "signoff.purge-batch-size, 0",
            "signoff.purge-batch-size, 10001",
            "signoff.purge-batch-size, many",
            "signoff.purge-batch-size, 1.5"})
    void loadWhenValueInvalidThenDeploymentFailsNamingKeyAndValue(String key, String value) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> load(Map.of(key, value)));

        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }
}
