package dev.signoff.config;

import java.util.List;

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

    /** A request that carries cookies and neither {@code Origin} nor {@code Sec-Fetch-Site}. */
    public enum WithoutOrigin {
        /** Cross-site when its {@code Referer} names another origin; accepted without a {@code Referer}. */
        REFERER,
        /** Cross-site unless its {@code Referer} names the request's own origin (or an allowed one). */
        REFUSE;

        static WithoutOrigin parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "referer" -> REFERER;
                case "refuse" -> REFUSE;
                default -> throw new IllegalArgumentException("not referer or refuse");
            };
        }
    }
}
