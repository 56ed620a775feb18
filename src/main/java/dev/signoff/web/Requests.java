package dev.signoff.web;

import dev.signoff.config.CrossSiteRule;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Small, pure judgements about a request: same-origin, JSON client, safe redirect target, the page it asked for. */
public final class Requests {
    private Requests() {
    }

    /**
     * Whether a state-changing request comes from another site, OWASP's "verifying origin with
     * standard headers": {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is neither
     * the request's own origin nor an allowed one. A request with neither header is judged by its
     * {@code Referer} (another origin: cross-site) and, without one, by the rule's
     * {@link CrossSiteRule.WithoutOrigin}; one without cookies has nothing to forge and is never
     * cross-site for lack of headers.
     */
    public static boolean isCrossSite(HttpServletRequest request, CrossSiteRule rule) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !isOwnOrAllowed(request, origin, rule);
        }
        if (fetchSite != null || request.getHeader("Cookie") == null) {
            return false;
        }
        return refererOrigin(request.getHeader("Referer"))
                .map(o -> !isOwnOrAllowed(request, o, rule))
                .orElse(rule.withoutOrigin() == CrossSiteRule.WithoutOrigin.REFUSE);
    }

    private static boolean isOwnOrAllowed(HttpServletRequest request, String origin, CrossSiteRule rule) {
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        return normalized.equals(ownOrigin(request)) || rule.allowedOrigins().contains(normalized);
    }

    /** The origin of a Referer URL; a Referer that is not an absolute http(s) URL counts as another origin. */
    private static Optional<String> refererOrigin(String referer) {
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(referer.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.of("null");
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.of("null");
        }
    }

    /** The request's own origin, {@code scheme://host[:port]} with default ports left out. */
    public static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** Whether the client wants JSON rather than a page: {@code Accept: application/json} or XHR. */
    public static boolean wantsJson(HttpServletRequest request) {
        if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        int json = a.indexOf("application/json");
        int html = a.indexOf("text/html");
        return json >= 0 && (html < 0 || json < html);
    }

    /** Whether the client is a browser navigating to a page ({@code Accept} names text/html). */
    public static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html") && !wantsJson(request);
    }

    /**
     * The page the request asked for, as a same-origin path with its query, to be asked for again
     * without the ended session; the context root when the raw path could not serve as a redirect.
     */
    public static String requested(HttpServletRequest request) {
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        return safeNext(target).orElse(request.getContextPath() + "/");
    }

    /**
     * {@code next} if it is a same-origin path: starts with one '/', no '//' or '/\' prefix, no
     * backslash, no scheme, no control or non-ASCII characters.
     */
    public static Optional<String> safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 2048 || next.charAt(0) != '/') {
            return Optional.empty();
        }
        if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
            return Optional.empty();
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '\\') {
                return Optional.empty();
            }
        }
        return Optional.of(next);
    }
}
