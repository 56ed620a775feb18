package dev.signoff.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceNamesTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0|Firefox on Linux",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1|Safari on iPhone",
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1|Safari on iPad",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36|Chrome on Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87|Edge on Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15|Safari on macOS",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36|Chrome on Android",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.153 Mobile/15E148 Safari/604.1|Chrome on iPhone",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36|Chrome on ChromeOS",
            "curl/8.5.0|curl",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148|In-app browser on iPhone",
    })
    void describeWhenKnownBrowserThenBrowserOnSystem(String userAgent, String expected) {
        assertEquals(expected, DeviceNames.describe(userAgent));
    }

    @Test
    void describeWhenNoUserAgentThenUnknownDevice() {
        assertEquals(DeviceNames.UNKNOWN, DeviceNames.describe(null));
        assertEquals(DeviceNames.UNKNOWN, DeviceNames.describe("  "));
    }

    @Test
    void describeWhenGarbageThenUnknownDevice() {
        assertEquals(DeviceNames.UNKNOWN, DeviceNames.describe("\u0000<script>alert(1)</script>"));
    }

    @Test
    void describeWhenHugeHeaderThenQuickAndShort() {
        DeviceNames.describe("warm-up/1.0"); // the parser compiles its rules once; that is not what is timed
        String huge = "Mozilla/5.0 (" + "a; ".repeat(20_000) + ") Firefox/1.0";
        long start = System.nanoTime();
        String described = DeviceNames.describe(huge);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(described.length() <= DeviceNames.MAX_LENGTH, described);
        assertTrue(millis < 1_000, "only the first 512 characters are parsed; took " + millis + " ms");
    }
}
