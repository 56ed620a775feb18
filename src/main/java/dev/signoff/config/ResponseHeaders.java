package dev.signoff.config;

import java.util.Optional;

/**
 * Headers SignOff sets on responses, each empty when the admin turned it off ({@code none}).
 *
 * @param cacheControl          {@code Cache-Control} of authenticated responses ({@code signoff.cache-control})
 * @param contentSecurityPolicy {@code Content-Security-Policy} of SignOff's own HTML pages
 *                              ({@code signoff.content-security-policy})
 */
public record ResponseHeaders(Optional<String> cacheControl, Optional<String> contentSecurityPolicy) {
}
