package dev.signoff.registry;

import ua_parser.Client;
import ua_parser.Parser;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Short device descriptions for session lists, like {@code "Firefox on Linux"} or
 * {@code "Safari on iPhone"}, from a {@code User-Agent} header. The parsing is uap-java's with the
 * maintained uap-core rules (shaded into the module JAR); this class only words its answer.
 * The registry calls it once, when a session starts, and stores the result in the {@code DEVICE}
 * column: a request never parses a User-Agent.
 *
 * <pre>{@code
 * DeviceNames.describe("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
 *     // "Firefox on Linux"
 * }</pre>
 */
public final class DeviceNames {
    /** The width of the {@code DEVICE} column. */
    public static final int MAX_LENGTH = 100;
    /** What a session without a usable User-Agent is called. */
    public static final String UNKNOWN = "Unknown device";

    private static final Logger LOG = Logger.getLogger(DeviceNames.class.getName());
    private static final String OTHER = "Other";
    /** Devices more telling than their operating system ("on iPhone" rather than "on iOS"). */
    private static final Set<String> NAMED_DEVICES = Set.of("iPhone", "iPad", "iPod");
    /** Words that say how a browser is built, not which browser it is ("Chrome Mobile iOS" is Chrome). */
    private static final Set<String> BROWSER_NOISE = Set.of("Mobile", "iOS");
    /** Operating system names as people say them. */
    private static final Map<String, String> SYSTEMS = Map.of("Mac OS X", "macOS", "Chrome OS", "ChromeOS");
    /** Browser names uap-core gives in its own terms. */
    private static final Map<String, String> BROWSERS = Map.of("Mobile Safari UI/WKWebView", "In-app browser");

    private DeviceNames() {
    }

    /**
     * The description of the device behind a User-Agent: "browser on system", or what is known of
     * the two, else {@link #UNKNOWN}. At most {@link #MAX_LENGTH} characters.
     */
    public static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        Client client;
        try {
            client = Holder.PARSER.parse(userAgent.substring(0, Math.min(userAgent.length(), NewSession.MAX_USER_AGENT)));
        } catch (RuntimeException e) {
            // A description is a convenience: never let it fail a login.
            LOG.log(Level.FINE, "SignOff: could not parse a User-Agent", e);
            return UNKNOWN;
        } catch (LinkageError e) {
            // The parser's classes or rules are missing from the module JAR: a packaging fault to see, not to fail logins over.
            LOG.log(Level.WARNING, "SignOff: the User-Agent parser is unusable", e);
            return UNKNOWN;
        }
        return cut(words(browser(client.userAgent == null ? null : client.userAgent.family),
                platform(client.device == null ? null : client.device.family, client.os == null ? null : client.os.family)));
    }

    /**
     * Compiles the parser's rules now (500–590 ms in a cold JVM here), so that the first login after
     * a deployment does not wait for them; for a server thread at start-up.
     */
    public static void prepare() {
        describe("Mozilla/5.0");
    }

    private static String browser(String family) {
        if (known(family) == null) {
            return null;
        }
        if (BROWSERS.containsKey(family)) {
            return BROWSERS.get(family);
        }
        String plain = Arrays.stream(family.split(" ")).filter(w -> !BROWSER_NOISE.contains(w)).collect(Collectors.joining(" "));
        return plain.isBlank() ? family : plain;
    }

    private static String platform(String device, String os) {
        if (device != null && NAMED_DEVICES.contains(device)) {
            return device;
        }
        String system = known(os);
        return system == null ? null : SYSTEMS.getOrDefault(system, system);
    }

    private static String words(String browser, String platform) {
        if (browser != null && platform != null) {
            return browser + " on " + platform;
        }
        if (browser != null) {
            return browser;
        }
        return platform != null ? platform : UNKNOWN;
    }

    private static String known(String family) {
        return family == null || family.isBlank() || OTHER.equals(family) ? null : family.strip();
    }

    private static String cut(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    /**
     * The parser compiles uap-core's rules (about a thousand regexes) once: at start-up
     * ({@link #prepare}) or at the first login, whichever comes first.
     */
    private static final class Holder {
        static final Parser PARSER = new Parser();
    }
}
