package dev.signoff.config;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes a state-changing request cross-site, besides an {@code Origin} of another site or
 * {@code Sec-Fetch-Site: cross-site}.
 *
 * @param allowedOrigins origins accepted besides the request's own ({@code signoff.allowed-origins})
 * @param withoutOrigin  what a request with cookies and neither header is ({@code signoff.cross-site.without-origin})
 */
public record CrossSiteRule(List<String> allowedOrigins, WithoutOrigin withoutOrigin) {
    public CrossSiteRule {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * Whether a state-changing request comes from another site, OWASP's "verifying origin with
     * standard headers": {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is neither
     * the request's own origin nor an allowed one. A request with neither header is judged by its
     * {@code Referer} (another origin: cross-site) and, without one, by {@link #withoutOrigin};
     * one without cookies has nothing to forge and is never cross-site for lack of headers.
     */
    public boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !isOwnOrAllowed(request, origin);
        }
        if (fetchSite != null || request.getHeader("Cookie") == null) {
            return false;
        }
        return refererOrigin(request.getHeader("Referer"))
                .map(o -> !isOwnOrAllowed(request, o))
                .orElse(withoutOrigin == WithoutOrigin.REFUSE);
    }

    private boolean isOwnOrAllowed(HttpServletRequest request, String origin) {
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        return normalized.equals(ownOrigin(request)) || allowedOrigins.contains(normalized);
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

    /** A request that carries cookies and neither {@code Origin} nor {@code Sec-Fetch-Site}. */
    public enum WithoutOrigin {
        /** Cross-site when its {@code Referer} names another origin; accepted without a {@code Referer}. */
        REFERER,
        /** Cross-site unless its {@code Referer} names the request's own origin (or an allowed one). */
        REFUSE;

        static WithoutOrigin parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "referer" -> REFERER;
                case "refuse" -> REFUSE;
                default -> throw new IllegalArgumentException("not referer or refuse");
            };
        }
    }
}
