package dev.signoff.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {

    @Test
    void parseWhenShortFormThenEachUnitRead() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(1), Durations.parse("1s"));
        assertEquals(Duration.ofMinutes(30), Durations.parse("30m"));
        assertEquals(Duration.ofHours(12), Durations.parse("12h"));
        assertEquals(Duration.ofDays(7), Durations.parse("7d"));
    }

    @Test
    void parseWhenBareNumberThenSeconds() {
        assertEquals(Duration.ofSeconds(45), Durations.parse("45"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
    }

    @Test
    void parseWhenUpperCaseOrSpacedThenRead() {
        assertEquals(Duration.ofMinutes(30), Durations.parse(" 30 M "));
        assertEquals(Duration.ofMillis(250), Durations.parse("250MS"));
    }

    @Test
    void parseWhenIsoThenRead() {
        assertEquals(Duration.ofMinutes(30), Durations.parse("PT30M"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("pt1h30m"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5s", "-PT5M", "1.5h", "", "5 minutes", "30x", "m"})
    void parseWhenNotANonNegativeDurationThenIllegalArgument(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }
}
