package dev.signoff.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Makes {@link Probe}s from a seeded {@link Random}: the same seed gives the same requests. Every
 * part of a request is drawn from values chosen to hurt — bad escapes, raw bytes, mutated
 * cookies, crafted JWTs, open-redirect {@code next}s, wrong content types — mixed with valid ones so
 * that requests get past the first check and reach the next.
 */
final class Generator {
    private static final String[] METHODS = {"GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE",
            "get", "PROPFIND", "CONNECT", "FOO", "G\u00e9T"};
    private static final String[] SAFE = {"GET", "HEAD", "OPTIONS"};
    private static final String[] UNSAFE = {"POST", "PUT", "DELETE", "PATCH"};
    private static final String[] SEGMENTS = {"%2F", "%2f", "%5C", "%00", "%ff", "%c0%ae", "%c0%af", "%", "%z", "%zz",
            "%2", "%25", "%252F", ":", "a:b", "%3A", ";", ";jsessionid=abc", ";x=%00", "..", ".", "%2e%2e", "%2e",
            "~", "*", "%0d%0a", "%09", "%20", "+", "\u00ff", "\u00c3\u00a9", "\u00e9", "%e9", "%ed%a0%80",
            "%f0%90%80", "{x}", "[", "]", "|", "^", "`", "\"", "<script>", "'", "%u002e", "\\", "\u0001"};
    /**
     * What a mutation puts into a cookie value. Never a backslash (Undertow unescapes it), an
     * {@code =} (Undertow ends the value there), or a {@code .} or {@code :} (the start of a route).
     */
    private static final String[] COOKIE_JUNK = {"%2F", "%00", "%ff", "\u00ff", "A", "%", "'", "x", "\u0001", "%3B",
            "~", "+"};
    private static final String[] NEXT = {"/app/", "//evil.example/", "https://evil.example/", "/\\evil.example",
            "\\\\evil.example", "javascript:alert(1)", "/%2F%2Fevil.example", "http:evil.example", "%0d%0aX:%20y",
            "", "/app/%zz", "/login?next=//evil.example", "data:text/html,x", "/%09/evil.example"};
    private static final String[] ORIGINS = {"https://evil.example", "null", "http://localhost", "file://", "garbage",
            "http://localhost:1", ""};
    private static final String[] SITES = {"cross-site", "same-site", "same-origin", "none", "CROSS-SITE", "x", ""};
    private static final String[] ACCEPTS = {"application/json", "text/html", "*/*", "text/event-stream",
            "application/json;q=0, text/html", "garbage/\u00ff", "", "application/problem+json"};
    private static final String[] CONTENT_TYPES = {"application/x-www-form-urlencoded", "application/json",
            "multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded; charset=bogus",
            "application/octet-stream", "", "garbage"};
    private static final String[] FIELDS = {"username", "password", "next", "keep_current", "token", "refresh_token",
            "remember_me", "current", "new", "email", "handle", "user", "j_username", "j_password", "logout_token"};

    private final Random random;
    private final Campaign.Mix mix;
    private final Target target;
    private final Map<String, String> victimJar;
    private final List<String> jwts;

    /** @param victimJar the victim's cookies as they are now: the campaign keeps it up to date, as a browser would */
    Generator(long seed, Campaign.Mix mix, Target target, Map<String, String> victimJar, List<String> jwts) {
        this.mix = mix;
        this.random = new Random(seed);
        this.target = target;
        this.victimJar = victimJar;
        this.jwts = jwts;
    }

    Probe next() {
        boolean riding = switch (mix) {
            case RIDING -> true;
            case ANONYMOUS -> false;
            case MIXED -> random.nextInt(10) < 3;
        };
        String method = riding ? pick(random.nextBoolean() ? SAFE : UNSAFE) : pick(METHODS);
        boolean unsafe = !List.of(SAFE).contains(method);
        boolean bodyless = !unsafe || method.equals("CONNECT") || method.equals("TRACE"); // RFC 9110: no content
        List<String[]> headers = new ArrayList<>();
        String path = path(riding);
        if (riding) {
            headers.add(header("Cookie", victimCookies()));
            if (unsafe) {
                crossSiteSignal(headers);
            }
        } else {
            maybeCookie(headers);
            maybeSiteHeaders(headers);
        }
        maybe(headers, "Accept", pick(ACCEPTS), 6);
        if (!riding) {
            // A page of another site cannot add Authorization to a request that carries the victim's
            // cookies: that takes a CORS preflight, which neither SignOff nor the apps grant.
            maybeAuthorization(headers);
        }
        byte[] body = !bodyless && random.nextInt(10) < 7 ? body(headers) : new byte[0];
        return new Probe(riding, method, (path + query()).getBytes(StandardCharsets.ISO_8859_1), headers, body);
    }

    private String path(boolean riding) {
        String path;
        do {
            path = pickFrom(target.paths());
        } while (riding && path.endsWith("/events")); // an open event stream would hold the connection
        if (random.nextInt(10) < 5) {
            path = mutatePath(path);
        }
        return target.contextPath() + path;
    }

    private String mutatePath(String path) {
        String segment = pick(SEGMENTS);
        return switch (random.nextInt(6)) {
            case 0 -> path + segment;
            case 1 -> path + "/" + segment;
            case 2 -> path.replaceFirst("/([^/]*)$", "/" + segment + "$1");
            case 3 -> path.replace("/", "/" + segment + "/");
            case 4 -> path + "/" + "A".repeat(1 + random.nextInt(4000));
            default -> path.toUpperCase() + segment;
        };
    }

    private String query() {
        return switch (random.nextInt(8)) {
            case 0 -> "?next=" + pick(NEXT);
            case 1 -> "?token=" + token(43);
            case 2 -> "?keep_current=" + pick("true", "false", "%zz", "");
            case 3 -> "?" + pick(SEGMENTS) + "=" + pick(SEGMENTS);
            case 4 -> "?next=" + pick(NEXT) + "&next=" + pick(NEXT);
            default -> "";
        };
    }

    private String victimCookies() {
        String cookies = new java.util.TreeMap<>(victimJar).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        return random.nextBoolean() ? cookies : cookies + "; app=" + token(8) + "; " + pick(SEGMENTS) + "=x";
    }

    /** Anonymous: no cookie, or the victim's cookies mutated, or garbage. */
    private void maybeCookie(List<String[]> headers) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> c : new java.util.TreeMap<>(victimJar).entrySet()) {
            if (random.nextInt(3) > 0) {
                parts.add(c.getKey() + "=" + mutateCookie(c.getKey(), c.getValue()));
            }
        }
        if (random.nextInt(4) == 0) {
            parts.add(pick("JSESSIONID", "JREMEMBERMEID", "app", "", "=", "a b") + "=" + pick(SEGMENTS) + token(12));
        }
        if (random.nextInt(8) == 0) {
            parts.add("x=" + "y".repeat(random.nextInt(9000)));
        }
        if (!parts.isEmpty()) {
            headers.add(header("Cookie", String.join(pick("; ", ";", ", ", ";;"), parts)));
        }
    }

    /**
     * The session cookie's secret is its id: before the first {@code .} or {@code :}, where WildFly
     * and Liberty put the node's route or clone id, and after Liberty's four-digit cache id — both
     * ignored when the server looks the session up.
     */
    private String mutateCookie(String name, String value) {
        int end = value.replace(':', '.').indexOf('.');
        if (!name.equals("JSESSIONID") || end <= 0) {
            return mutate(value);
        }
        int start = value.matches("\\d{4}[^.:]{16,}[.:].*") ? 4 : 0;
        return value.substring(0, start) + mutate(value.substring(start, end)) + value.substring(end);
    }

    /**
     * A valid value made invalid: one character changed, cut, lengthened, re-cased or replaced. Never
     * by quoting it or by adding a separator ({@code ;}, {@code ,}, space) after it: servers unquote
     * cookie values and split at separators, and the result would be the victim's valid cookie
     * (see {@link #COOKIE_JUNK} for the rest).
     */
    private String mutate(String value) {
        if (value.isEmpty()) {
            return token(22);
        }
        int i = random.nextInt(value.length());
        return switch (random.nextInt(6)) {
            case 0 -> value.substring(0, i) + (char) (value.charAt(i) == 'A' ? 'B' : 'A') + value.substring(i + 1);
            case 1 -> value.substring(0, i);
            case 2 -> value + pick(COOKIE_JUNK);
            case 3 -> value.toUpperCase().equals(value) ? value.toLowerCase() : value.toUpperCase();
            case 4 -> token(value.length());
            default -> value.substring(0, i) + pick(COOKIE_JUNK) + value.substring(i);
        };
    }

    private void crossSiteSignal(List<String[]> headers) {
        switch (random.nextInt(4)) {
            case 0 -> headers.add(header("Origin", pick("https://evil.example", "null", "http://localhost:1")));
            case 1 -> headers.add(header("Sec-Fetch-Site", pick("cross-site", "CROSS-SITE")));
            case 2 -> {
                headers.add(header("Origin", "https://evil.example"));
                headers.add(header("Sec-Fetch-Site", "same-origin")); // a lie Origin gives away
            }
            default -> headers.add(header("Referer", pick("https://evil.example/", "http://localhost:1/x")));
        }
    }

    private void maybeSiteHeaders(List<String[]> headers) {
        maybe(headers, "Origin", random.nextBoolean() ? target.origin() : pick(ORIGINS), 4);
        maybe(headers, "Sec-Fetch-Site", pick(SITES), 4);
        maybe(headers, "Referer", random.nextBoolean() ? target.origin() + "/" : "https://evil.example/", 5);
    }

    private void maybeAuthorization(List<String[]> headers) {
        switch (random.nextInt(10)) {
            case 0, 1 -> headers.add(header("Authorization", "Bearer " + pickFrom(jwts)));
            case 2 -> headers.add(header("Authorization", pick("Bearer", "Bearer ", "bearer x.y.z", "Basic " + token(20),
                    "Basic YWxpY2U6d3Jvbmc=", "Negotiate x", "Bearer " + "a".repeat(20000), "Bearer \u00ff.\u00ff.\u00ff")));
            default -> {
                // none
            }
        }
    }

    private byte[] body(List<String[]> headers) {
        String type = pick(CONTENT_TYPES);
        if (!type.isEmpty()) {
            headers.add(header("Content-Type", type));
        }
        return switch (random.nextInt(5)) {
            case 0 -> ("{\"" + pick(FIELDS) + "\":" + pick("\"x\"", "null", "[]", "{", "1e999", "\"\\ud800\"") + "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 1 -> randomBytes(random.nextInt(2000));
            default -> form().getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private String form() {
        StringBuilder form = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String field = pick(FIELDS);
            String value = switch (field) {
                case "next" -> pick(NEXT);
                case "refresh_token", "token", "logout_token" -> random.nextBoolean() ? pickFrom(jwts) : token(43);
                case "username", "j_username", "user" -> pick("alice", "bob", "admin", "", "' OR '1'='1", "%00");
                default -> pick(SEGMENTS) + token(random.nextInt(12));
            };
            form.append(i == 0 ? "" : "&").append(field).append('=').append(value);
        }
        return form.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String token(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private void maybe(List<String[]> headers, String name, String value, int oneIn) {
        if (random.nextInt(oneIn) == 0) {
            headers.add(header(name, value));
        }
    }

    private static String[] header(String name, String value) {
        return new String[] {name, value};
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private String pickFrom(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
