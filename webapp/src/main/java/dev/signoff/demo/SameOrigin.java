package dev.signoff.demo;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Optional;

/**
 * Same-origin rules of the demo: which POSTs come from our own pages (the CSRF defence of
 * {@link CrossSiteRequestFilter}) and which {@code next} paths are safe redirect targets after
 * login (no open redirect).
 */
final class SameOrigin {
    private static final String CROSS_SITE = "cross-site";

    private SameOrigin() {
    }

    /**
     * Whether a state-changing request may come from one of our pages. Browsers send {@code Origin}
     * on every POST and {@code Sec-Fetch-Site} on every request; a request with neither is not a
     * browser's cross-site form (curl, scripts) and is allowed, like the module's own routes do.
     */
    static boolean allows(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && CROSS_SITE.equalsIgnoreCase(fetchSite.trim())) {
            return false;
        }
        String origin = request.getHeader("Origin");
        // A privacy-sensitive context sends the literal "null": not our origin, so refused.
        return origin == null || origin.trim().equalsIgnoreCase(ownOrigin(request));
    }

    /**
     * The request's own origin as a browser writes it: {@code scheme://host} plus {@code :port}
     * unless it is the scheme's default (browsers leave out :80 and :443).
     */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort || port <= 0 ? "" : ":" + port);
    }

    /**
     * The given path if it is safe to redirect to: it starts with a single {@code /} (so no scheme
     * and no other host, {@code //evil.example} is protocol-relative), has no backslash (browsers
     * read {@code /\evil.example} as {@code //evil.example}) and no control characters (header
     * splitting, and browsers strip tabs and newlines from URLs).
     */
    static Optional<String> safePath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }
}
