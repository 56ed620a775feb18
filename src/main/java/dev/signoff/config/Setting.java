package dev.signoff.config;

import java.util.Locale;

/**
 * Every setting SignOff reads, with its default and the form it accepts. Each is read as system
 * property {@code signoff.<name>}, then environment {@code SIGNOFF_<NAME>} (upper case, '.' and '-'
 * as '_'), then web.xml context-param {@code signoff.<name>}, then the default.
 */
public enum Setting {
    PREFIX("prefix", "/sessions", "a path starting with '/' and not ending with '/'",
            "Path prefix of the module's routes (log_out, api)."),
    IDLE_TIMEOUT("idle-timeout", "30m", Forms.DURATION,
            "A session with no request for this long is ended (reason idle_timeout)."),
    ABSOLUTE_TIMEOUT("absolute-timeout", "12h", Forms.DURATION,
            "A session older than this is ended (reason absolute_timeout), however active."),
    MAX_SESSIONS("max-sessions", "0", "a whole number, 0 for no limit",
            "Most live sessions one user may have at once (every device and purpose counts); see max-sessions.policy."),
    MAX_SESSIONS_POLICY("max-sessions.policy", "end-least-recent", "end-least-recent or refuse",
            "A login beyond max-sessions ends the user's least recently used session (reason limit), or is refused."),
    STALENESS("staleness", "1s", Forms.DURATION + " (0 = check the database on every request)",
            "How long a node may trust its cached view of a session; bounds how late a revocation made on another node is seen."),
    REGISTRY_DOWN("registry-down", "refuse", "refuse or serve-known",
            "While the registry database cannot be reached: refuse (503) every session the cache may not vouch for, or "
                    + "serve-known: keep serving sessions this node saw live, until their timeouts (fail open: an end made on "
                    + "another node meanwhile is not seen; opt-in only)."),
    REVOCATION_PUSH("revocation-push", "auto", "auto or off",
            "auto: where the registry is PostgreSQL, every revocation is also pushed to all nodes (LISTEN/NOTIFY) and a node "
                    + "that hears one reads the revocation feed at its next request, so another node's end is refused within "
                    + "milliseconds; the poll of staleness stays as the safety net. off: the poll only. Other databases: the poll only."),
    PENDING_ENDS("pending-ends", "", "a directory, empty for signoff-pending-ends in the server's working directory, or none",
            "Where a node keeps the ends it took while the registry was down (one file per app, written through to disk before "
                    + "the logout answers), so they are stored when the database returns even if the node restarted meanwhile. "
                    + "none: in memory only, lost with the node."),
    LAST_SEEN_INTERVAL("last-seen-interval", "1m", Forms.DURATION,
            "Last-seen times are written at most once per session per this interval."),
    EXCLUDE("exclude", "*.css,*.js,*.png,*.jpg,*.jpeg,*.gif,*.svg,*.ico,*.woff,*.woff2,*.map",
            "comma-separated paths: '/static/*' (prefix), '*.css' (suffix) or '/exact'",
            "Requests to these paths (relative to the context root) are not checked."),
    LOGIN_PAGE("login-page", "", Forms.PATH + ", or empty",
            "Where an HTML request of an ended session is sent (relative to the context root). Empty: back to the page asked for "
                    + "(GET) or the context root, so the app's own security constraint shows its own login page."),
    UNROTATED_LOGIN("unrotated-login", "end", "end or bind",
            "A login whose session id SignOff did not see change at authentication (a login path none of its hooks covers): "
                    + "end it (reason fixation_suspected; the user signs in again) or bind it anyway. bind is unsafe: whoever "
                    + "knew the session id before the login (a planted cookie) is signed in as the user too."),
    LOGOUT_REDIRECT("logout-redirect", "/", Forms.PATH,
            "Where a logout sends HTML clients when there is no valid same-origin 'next'."),
    CACHE_CONTROL("cache-control", "no-store", "a Cache-Control value, or 'none' to leave responses alone",
            "Cache-Control of responses to authenticated requests, so Back shows nothing after logout."),
    CONTENT_SECURITY_POLICY("content-security-policy",
            "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "a Content-Security-Policy value, or 'none' to send none",
            "Content-Security-Policy of SignOff's own HTML pages (the logout confirmation pages): no scripts, no framing "
                    + "(clickjacking of a sign-out button). An app that frames these pages sets frame-ancestors 'self'."),
    CLEAR_SITE_DATA("clear-site-data", "storage",
            "comma-separated of cache, cookies, storage, executionContexts, *, or 'none'",
            "Clear-Site-Data directives sent on every logout response."),
    COOKIES("cookies", "",
            "cookies separated by ',', each 'name; Path=/p; Domain=d; Secure; HttpOnly; SameSite=Lax'",
            "App cookies deleted on logout, besides the session cookie; one entry per variant (path/domain)."),
    LOGIN_COOKIES("login-cookies", "",
            "cookies like signoff.cookies, e.g. 'LtpaToken2; Path=/; HttpOnly'",
            "Cookies in which the server keeps a login outside the HttpSession, shared by all logins of a user (Open Liberty's LtpaToken2). "
                    + "A request they authenticate needs a live registry session of its own (bound in the request that logged in); "
                    + "SignOff ends them by deleting them, not by request.logout(), which would end every login of the user."),
    SESSION_COOKIE_SECURE("session-cookie.secure", "true", Forms.BOOLEAN,
            "Mark the container's session cookie Secure unless the server already does (false for plain-HTTP development)."),
    SESSION_COOKIE_SAME_SITE("session-cookie.same-site", "Lax", "Strict, Lax or None",
            "SameSite of the container's session cookie when the server sets none."),
    SESSION_COOKIE_HTTP_ONLY("session-cookie.http-only", "true", Forms.BOOLEAN,
            "Mark the container's session cookie HttpOnly."),
    CREDENTIALS_PASSWORD("credentials.password", "others", Forms.SCOPE,
            "Sessions ended by CredentialsChanged(PASSWORD)."),
    CREDENTIALS_PASSWORD_PURPOSES("credentials.password.purposes", "all", Forms.PURPOSES,
            "Purposes ended by CredentialsChanged(PASSWORD), e.g. all,-refresh to keep API clients signed in."),
    CREDENTIALS_EMAIL("credentials.email", "all", Forms.SCOPE,
            "Sessions ended by CredentialsChanged(EMAIL)."),
    CREDENTIALS_EMAIL_PURPOSES("credentials.email.purposes", "all", Forms.PURPOSES,
            "Purposes ended by CredentialsChanged(EMAIL), e.g. all,-refresh to keep API clients signed in."),
    CREDENTIALS_MFA("credentials.mfa", "others", Forms.SCOPE,
            "Sessions ended by CredentialsChanged(MFA)."),
    CREDENTIALS_MFA_PURPOSES("credentials.mfa.purposes", "all", Forms.PURPOSES,
            "Purposes ended by CredentialsChanged(MFA), e.g. all,-refresh to keep API clients signed in."),
    CREDENTIALS_SECURITY_CONCERN("credentials.security-concern", "all", Forms.SCOPE,
            "Sessions ended by CredentialsChanged(SECURITY_CONCERN)."),
    CREDENTIALS_SECURITY_CONCERN_PURPOSES("credentials.security-concern.purposes", "all", Forms.PURPOSES,
            "Purposes ended by CredentialsChanged(SECURITY_CONCERN), e.g. all,-refresh to keep API clients signed in."),
    LOG_OUT_EVERYWHERE_PURPOSES("log-out-everywhere.purposes", "all", Forms.PURPOSES,
            "Purposes ended by log out everywhere: the route, the API's and an admin's end-all, SignOff.logOutEverywhere."),
    ONE_TIME_TOKEN_TTL("one-time-token-ttl", "5m", Forms.DURATION,
            "Lifetime of the one-time token of GET <prefix>/log_out/all/get."),
    REFRESH_LIFETIME("refresh.lifetime", "30d", Forms.DURATION,
            "A refresh-token family ends this long after it was issued (reason absolute_timeout), however often it is rotated."),
    REFRESH_GRACE("refresh.grace", "5s", Forms.DURATION + " (0 = none)",
            "For this long after a rotation, the refresh token just replaced is refused as superseded without ending its family "
                    + "(a retried request, a second tab); any other spent token ends the family (reason refresh_reuse)."),
    REMEMBER_ME_LIFETIME("remember-me.lifetime", "14d", Forms.DURATION,
            "A remember-me token (Jakarta Security @RememberMe) ends this long after the login that made it (reason absolute_timeout)."),
    REMEMBER_ME_GRACE("remember-me.grace", "60s", Forms.DURATION,
            "A remember-me token is rotated when used, at most once per this window; its previous value still signs in for this "
                    + "long (parallel requests, restored tabs). An older value presented again is theft: every session of the user "
                    + "ends (reason theft)."),
    BEARER_ISSUERS("bearer.issuers", "", "comma-separated iss values, e.g. https://auth.example.com; empty: off",
            "SignOff checks Bearer access tokens (JWTs) of these issuers: refused (401) when revoked, issued before the user's "
                    + "log out everywhere, from an ended refresh family, malformed or unsigned. The app still checks signatures."),
    BEARER_MAX_LIFETIME("bearer.max-lifetime", "1h", Forms.DURATION,
            "Longest access token (exp - iat) SignOff accepts from those issuers; its revocation records are kept this long."),
    OIDC_PROVIDERS("oidc.providers", "", "providers separated by ',', each " + OidcProvider.FORM + "; empty: off",
            "OpenID Providers whose back-channel logout tokens (POST <prefix>/oidc/backchannel-logout) end the sessions of the "
                    + "provider session (sid) or user (sub) they name (reason idp_logout). Keys come from jwks-uri, else from the "
                    + "issuer's discovery document. With post-logout, SignOff's logout also ends the provider's session (RP-initiated "
                    + "logout) and the provider sends the browser back to that path."),
    OIDC_IAT_SKEW("oidc.iat-skew", "2m", Forms.DURATION,
            "A logout token issued more than this far from now (either way) is refused; its jti is remembered at least this "
                    + "long, on every node, so a replay is refused."),
    ALLOWED_ORIGINS("allowed-origins", "", "comma-separated origins like https://app.example.com",
            "Origins accepted for state-changing requests besides the request's own (e.g. behind a proxy)."),
    CROSS_SITE_WITHOUT_ORIGIN("cross-site.without-origin", "referer", "referer or refuse",
            "A state-changing request with cookies and neither Origin nor Sec-Fetch-Site: referer refuses it when its Referer "
                    + "names another origin; refuse refuses it also without a Referer (cookie clients that are not browsers must then "
                    + "send Origin). A request without cookies is never refused for this."),
    DATASOURCE("datasource", "", "a JNDI name like jdbc/signoff, or empty for the embedded Derby database",
            "Server DataSource for the registry. System property or environment only (read before the app starts)."),
    DERBY_DATABASE("derby.database", "signoff", "a Derby database name or path",
            "Embedded Derby database used when no datasource is set; relative to derby.system.home."),
    EVENTS_HEARTBEAT("events.heartbeat", "20s", Forms.DURATION,
            "How often an open <prefix>/api/events stream gets a comment line, so proxies and load balancers keep it open."),
    RETENTION("retention", "7d", "a duration of at least 10m, like 7d or 12h",
            "Ended and expired sessions stay in the registry this long after their end, then the purge deletes them."),
    AUDIT_RETENTION("audit-retention", "90d", Forms.DURATION + " (0 = keep forever)",
            "Audit rows (session started / ended) older than this are deleted by the purge."),
    PURGE_INTERVAL("purge-interval", "1h", Forms.DURATION + " (0 = this node never purges)",
            "How often each node deletes ended and expired rows, in batches; any number of nodes may purge at once."),
    PURGE_BATCH_SIZE("purge-batch-size", "500", "a whole number from 1 to 10000",
            "Rows the purge deletes per transaction.");

    private final String name;
    private final String defaultValue;
    private final String form;
    private final String description;
    private final boolean secret;

    Setting(String name, String defaultValue, String form, String description) {
        this(name, defaultValue, form, description, false);
    }

    /** For a setting whose value must never be shown (introspection, start-up log): {@code secret} true. */
    Setting(String name, String defaultValue, String form, String description, boolean secret) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.form = form;
        this.description = description;
        this.secret = secret;
    }

    /** The key as system property and context-param, e.g. {@code signoff.idle-timeout}. */
    public String key() {
        return "signoff." + name;
    }

    /** The key as environment variable, e.g. {@code SIGNOFF_IDLE_TIMEOUT}. */
    public String environmentKey() {
        return key().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The allowed form, used in error messages and the README. */
    public String form() {
        return form;
    }

    public String description() {
        return description;
    }

    /** Whether the value is a secret: introspection and the start-up log show only that it is set. */
    public boolean secret() {
        return secret;
    }

    private static final class Forms {
        static final String DURATION = "a duration like 30m, 12h, 1s, 500ms or ISO-8601 PT30M";
        static final String PATH = "a path starting with '/'";
        static final String BOOLEAN = "true or false";
        static final String SCOPE = "all, others or none";
        static final String PURPOSES = "comma-separated of all, session, remember_me, refresh; -name leaves one out (all,-refresh)";
    }
}
