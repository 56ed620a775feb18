package dev.signoff.config;

import dev.signoff.cookies.CookieSpec;
import dev.signoff.events.CredentialKind;
import dev.signoff.events.LogoutScope;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration, read once at deployment by {@link SettingsLoader} and never changed.
 * See {@link Setting} for each value's key, default and meaning.
 */
public record SignOffSettings(
        String prefix,
        Duration idleTimeout,
        Duration absoluteTimeout,
        Duration staleness,
        boolean servesKnownWhenRegistryDown,
        Duration lastSeenInterval,
        List<String> exclude,
        Optional<String> loginPage,
        boolean bindUnrotatedLogins,
        String logoutRedirect,
        ResponseHeaders headers,
        List<String> clearSiteData,
        List<CookieSpec> cookies,
        List<CookieSpec> loginCookies,
        boolean sessionCookieSecure,
        String sessionCookieSameSite,
        boolean sessionCookieHttpOnly,
        EndPolicies ends,
        Duration oneTimeTokenTtl,
        TokenSettings tokens,
        OidcSettings oidc,
        CrossSiteRule crossSite,
        RegistrySettings registry,
        int maxSessions,
        LimitPolicy maxSessionsPolicy,

        Duration eventsHeartbeat,

        PurgeSettings purge) {

    public SignOffSettings {
        exclude = List.copyOf(exclude);
        clearSiteData = List.copyOf(clearSiteData);
        cookies = List.copyOf(cookies);
        loginCookies = List.copyOf(loginCookies);
    }

    /** The defaults, as if nothing were configured. */
    public static SignOffSettings defaults() {
        return SettingsLoader.load(key -> null, Map.of(), Map.of()).settings();
    }

    /**
     * Where a page request of an ended session goes: the login page when one is set, else the page
     * asked for ({@code requested}, path and query), which the app's own security constraint then
     * answers with its own login page.
     */
    public String signInAgainTarget(String contextPath, String requested) {
        return loginPage.map(page -> contextPath + page).orElse(requested);
    }

    /** {@code Cache-Control} of authenticated responses, unless turned off. */
    public Optional<String> cacheControl() {
        return headers.cacheControl();
    }

    /** Origins accepted for state-changing requests besides the request's own. */
    public List<String> allowedOrigins() {
        return crossSite.allowedOrigins();
    }

    /** The logout policy for a kind of credential change. */
    public LogoutScope policyFor(CredentialKind kind) {
        return ends.scopeFor(kind);
    }

    /** The value of {@code Clear-Site-Data}, or empty when none is configured. */
    public Optional<String> clearSiteDataHeader() {
        if (clearSiteData.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", clearSiteData.stream().map(d -> "\"" + d + "\"").toList()));
    }
}
