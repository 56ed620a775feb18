package dev.signoff.demo;

import java.util.List;
import java.util.Map;

/**
 * Turns a {@code User-Agent} header into a short device label like "Firefox on Linux", good
 * enough for a list of one's own devices. The full header stays available as a tooltip.
 */
final class UserAgents {
    /** Checked in order: Edge and Opera also say "Chrome", Chrome also says "Safari". */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"),
            Map.entry("Chrome/", "Chrome"), Map.entry("Safari/", "Safari"), Map.entry("curl/", "curl"),
            Map.entry("Java-http-client", "Java HttpClient"), Map.entry("Java/", "Java"));
    /** Checked in order: Android also says "Linux", iOS also says "Mac OS X". */
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"), Map.entry("iPhone", "iPhone"), Map.entry("iPad", "iPad"),
            Map.entry("Windows", "Windows"), Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"),
            Map.entry("Linux", "Linux"));

    private UserAgents() {
    }

    /** A short label; "Unknown device" when the header is missing. */
    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String browser = find(BROWSERS, userAgent);
        String system = find(SYSTEMS, userAgent);
        if (browser == null) {
            return userAgent.length() <= 40 ? userAgent : userAgent.substring(0, 40) + "…";
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String find(List<Map.Entry<String, String>> table, String userAgent) {
        for (Map.Entry<String, String> entry : table) {
            if (userAgent.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
