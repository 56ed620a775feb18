package dev.signoff.web;

import dev.signoff.config.CrossSiteRule;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Optional;

/** Small, pure judgements about a request: same-origin, JSON client, safe redirect target, the page it asked for. */
public final class Requests {
    private Requests() {
    }

    /** Whether a state-changing request comes from another site: {@link CrossSiteRule#isCrossSite}. */
    public static boolean isCrossSite(HttpServletRequest request, CrossSiteRule rule) {
        return rule.isCrossSite(request);
    }

    /** The request's own origin, {@code scheme://host[:port]} with default ports left out. */
    public static String ownOrigin(HttpServletRequest request) {
        return CrossSiteRule.ownOrigin(request);
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
