package dev.signoff.config;

import dev.signoff.cookies.CookieSpec;
import dev.signoff.events.CredentialKind;
import dev.signoff.events.LogoutScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SettingsLoaderTest {
    private static final Function<String, String> NO_CONTEXT_PARAMS = key -> null;

    // --- precedence and sources -------------------------------------------------------------

    @Test
    void loadWhenSetEverywhereThenSystemPropertyWins() {
        LoadedSettings loaded = SettingsLoader.load(
                Map.of("signoff.idle-timeout", "40m")::get,
                Map.of("SIGNOFF_IDLE_TIMEOUT", "20m"),
                Map.of("signoff.idle-timeout", "10m"));

        assertEquals(Duration.ofMinutes(10), loaded.settings().idleTimeout());
        assertEquals(new EffectiveSetting(Setting.IDLE_TIMEOUT, "10m", SettingSource.SYSTEM_PROPERTY),
                effective(loaded, Setting.IDLE_TIMEOUT));
    }

    @Test
    void loadWhenSetInEnvironmentAndContextParamThenEnvironmentWins() {
        LoadedSettings loaded = SettingsLoader.load(
                Map.of("signoff.idle-timeout", "40m")::get,
                Map.of("SIGNOFF_IDLE_TIMEOUT", "20m"),
                Map.of());

        assertEquals(Duration.ofMinutes(20), loaded.settings().idleTimeout());
        assertEquals(new EffectiveSetting(Setting.IDLE_TIMEOUT, "20m", SettingSource.ENVIRONMENT),
                effective(loaded, Setting.IDLE_TIMEOUT));
    }

    @Test
    void loadWhenSetOnlyAsContextParamThenContextParamUsed() {
        LoadedSettings loaded = SettingsLoader.load(Map.of("signoff.idle-timeout", "40m")::get, Map.of(), Map.of());

        assertEquals(Duration.ofMinutes(40), loaded.settings().idleTimeout());
        assertEquals(new EffectiveSetting(Setting.IDLE_TIMEOUT, "40m", SettingSource.CONTEXT_PARAM),
                effective(loaded, Setting.IDLE_TIMEOUT));
    }

    @Test
    void loadWhenSetNowhereThenDefaultRecorded() {
        LoadedSettings loaded = SettingsLoader.load(NO_CONTEXT_PARAMS, Map.of(), Map.of());

        assertEquals(new EffectiveSetting(Setting.IDLE_TIMEOUT, "30m", SettingSource.DEFAULT),
                effective(loaded, Setting.IDLE_TIMEOUT));
        assertEquals(Setting.values().length, loaded.effective().size());
        assertTrue(loaded.effective().stream().allMatch(e -> e.source() == SettingSource.DEFAULT));
    }

    @Test
    void loadWhenEnvironmentUsesPropertyStyleKeyThenIgnored() {
        LoadedSettings loaded = SettingsLoader.load(NO_CONTEXT_PARAMS, Map.of("signoff.idle-timeout", "5m"), Map.of());

        assertEquals(Duration.ofMinutes(30), loaded.settings().idleTimeout());
        assertEquals(SettingSource.DEFAULT, effective(loaded, Setting.IDLE_TIMEOUT).source());
    }

    @Test
    void loadWhenDottedAndDashedKeyInEnvironmentThenUnderscoreNameRead() {
        LoadedSettings loaded = SettingsLoader.load(NO_CONTEXT_PARAMS,
                Map.of("SIGNOFF_SESSION_COOKIE_SAME_SITE", "strict", "SIGNOFF_CREDENTIALS_SECURITY_CONCERN", "others"),
                Map.of());

        assertEquals("Strict", loaded.settings().sessionCookieSameSite());
        assertEquals(LogoutScope.OTHERS, loaded.settings().policyFor(CredentialKind.SECURITY_CONCERN));
        assertEquals(SettingSource.ENVIRONMENT, effective(loaded, Setting.SESSION_COOKIE_SAME_SITE).source());
    }

    @Test
    void environmentKeyWhenDotsAndDashesThenUpperCaseUnderscores() {
        assertEquals("SIGNOFF_IDLE_TIMEOUT", Setting.IDLE_TIMEOUT.environmentKey());
        assertEquals("SIGNOFF_SESSION_COOKIE_HTTP_ONLY", Setting.SESSION_COOKIE_HTTP_ONLY.environmentKey());
        assertEquals("signoff.session-cookie.http-only", Setting.SESSION_COOKIE_HTTP_ONLY.key());
    }

    @Test
    void loadWhenValueHasSurroundingSpacesThenTrimmed() {
        LoadedSettings loaded = SettingsLoader.load(Map.of("signoff.idle-timeout", "  15m ")::get, Map.of(), Map.of());

        assertEquals(Duration.ofMinutes(15), loaded.settings().idleTimeout());
        assertEquals("15m", effective(loaded, Setting.IDLE_TIMEOUT).value());
    }

    @Test
    void summaryWhenLoadedThenOneEntryPerSettingWithSource() {
        LoadedSettings loaded = SettingsLoader.load(NO_CONTEXT_PARAMS, Map.of(), Map.of("signoff.staleness", "0"));

        String summary = loaded.summary();
        assertTrue(summary.contains("signoff.idle-timeout=30m (default)"), summary);
        assertTrue(summary.contains("signoff.staleness=0 (system property)"), summary);
    }

    @Test
    void loadWhenMaxSessionsSetThenLimitAndPolicy() {
        LoadedSettings loaded = SettingsLoader.load(
                Map.of("signoff.max-sessions", "3", "signoff.max-sessions.policy", "refuse")::get, Map.of(), Map.of());

        assertEquals(3, loaded.settings().maxSessions());
        assertEquals(dev.signoff.config.LimitPolicy.REFUSE, loaded.settings().maxSessionsPolicy());
    }

    @Test
    void defaultsWhenNothingSetThenNoSessionLimit() {
        assertEquals(0, SignOffSettings.defaults().maxSessions());
        assertEquals(dev.signoff.config.LimitPolicy.END_LEAST_RECENT, SignOffSettings.defaults().maxSessionsPolicy());
    }

    // --- defaults -------------------------------------------------------------------------------

    @Test
    void defaultsWhenNothingConfiguredThenDocumentedValues() {
        SignOffSettings s = SignOffSettings.defaults();

        assertEquals("/sessions", s.prefix());
        assertEquals(Duration.ofMinutes(30), s.idleTimeout());
        assertEquals(Duration.ofHours(12), s.absoluteTimeout());
        assertEquals(Duration.ofSeconds(1), s.staleness());
        assertFalse(s.servesKnownWhenRegistryDown(), "fail closed unless the admin opts in");
        assertEquals(Duration.ofMinutes(1), s.lastSeenInterval());
        assertEquals(Duration.ofMinutes(5), s.oneTimeTokenTtl());
        assertEquals(Optional.empty(), s.loginPage());
        assertFalse(s.bindUnrotatedLogins());
        assertEquals("/", s.logoutRedirect());
        assertEquals(Optional.of("no-store"), s.cacheControl());
        assertEquals(List.of("storage"), s.clearSiteData());
        assertEquals(Optional.of("\"storage\""), s.clearSiteDataHeader());
        assertEquals(List.of(), s.cookies());
        assertEquals(List.of(), s.loginCookies());
        assertEquals(List.of(), s.allowedOrigins());
        assertTrue(s.sessionCookieSecure());
        assertTrue(s.sessionCookieHttpOnly());
        assertEquals("Lax", s.sessionCookieSameSite());
        assertEquals(Optional.empty(), s.registry().datasource());
        assertEquals("signoff", s.registry().derbyDatabase());
        assertTrue(s.exclude().containsAll(List.of("*.css", "*.js", "*.png", "*.ico", "*.woff2")), s.exclude().toString());
    }

    @Test
    void defaultsWhenNothingConfiguredThenCredentialPoliciesPerKind() {
        SignOffSettings s = SignOffSettings.defaults();

        assertEquals(LogoutScope.OTHERS, s.policyFor(CredentialKind.PASSWORD));
        assertEquals(LogoutScope.ALL, s.policyFor(CredentialKind.EMAIL));
        assertEquals(LogoutScope.OTHERS, s.policyFor(CredentialKind.MFA));
        assertEquals(LogoutScope.ALL, s.policyFor(CredentialKind.SECURITY_CONCERN));
    }

    // --- accepted forms -----------------------------------------------------------------------

    @Test
    void loadWhenIsoDurationThenAccepted() {
        SignOffSettings s = load(Map.of("signoff.idle-timeout", "PT30M", "signoff.absolute-timeout", "pt8h"));

        assertEquals(Duration.ofMinutes(30), s.idleTimeout());
        assertEquals(Duration.ofHours(8), s.absoluteTimeout());
    }

    @Test
    void loadWhenShortDurationsInEveryUnitThenParsed() {
        SignOffSettings s = load(Map.of(
                "signoff.idle-timeout", "45",
                "signoff.absolute-timeout", "2d",
                "signoff.staleness", "500ms",
                "signoff.last-seen-interval", "90s",
                "signoff.one-time-token-ttl", "2h"));

        assertEquals(Duration.ofSeconds(45), s.idleTimeout());
        assertEquals(Duration.ofDays(2), s.absoluteTimeout());
        assertEquals(Duration.ofMillis(500), s.staleness());
        assertEquals(Duration.ofSeconds(90), s.lastSeenInterval());
        assertEquals(Duration.ofHours(2), s.oneTimeTokenTtl());
    }

    @Test
    void loadWhenStalenessZeroThenAccepted() {
        assertEquals(Duration.ZERO, load(Map.of("signoff.staleness", "0")).staleness());
    }

    @Test
    void loadWhenClearSiteDataNoneThenNoHeader() {
        SignOffSettings s = load(Map.of("signoff.clear-site-data", "none"));

        assertEquals(List.of(), s.clearSiteData());
        assertEquals(Optional.empty(), s.clearSiteDataHeader());
    }

    @Test
    void loadWhenClearSiteDataSeveralDirectivesQuotedOrNotThenHeaderQuotesEach() {
        SignOffSettings s = load(Map.of("signoff.clear-site-data", "cache, \"cookies\",executionContexts"));

        assertEquals(List.of("cache", "cookies", "executionContexts"), s.clearSiteData());
        assertEquals(Optional.of("\"cache\", \"cookies\", \"executionContexts\""), s.clearSiteDataHeader());
    }

    @Test
    void loadWhenCacheControlNoneThenEmpty() {
        assertEquals(Optional.empty(), load(Map.of("signoff.cache-control", "NONE")).cacheControl());
    }

    @Test
    void loadWhenCacheControlCustomThenKeptVerbatim() {
        assertEquals(Optional.of("private, no-cache"), load(Map.of("signoff.cache-control", "private, no-cache")).cacheControl());
    }

    @Test
    void loadWhenCookiesListedThenOneSpecPerEntry() {
        SignOffSettings s = load(Map.of("signoff.cookies",
                "remember_me; Path=/; Domain=example.com; Secure; HttpOnly; SameSite=Lax, prefs; Path=/app"));

        assertEquals(List.of(
                new CookieSpec("remember_me", "/", Optional.of("example.com"), true, true, Optional.of("Lax")),
                new CookieSpec("prefs", "/app", Optional.empty(), false, false, Optional.empty())), s.cookies());
    }

    @Test
    void loadWhenLoginCookiesListedThenOneSpecPerEntry() {
        SignOffSettings s = load(Map.of("signoff.login-cookies", "LtpaToken2; Path=/; HttpOnly, SSO; Path=/app; Secure"));

        assertEquals(List.of(
                new CookieSpec("LtpaToken2", "/", Optional.empty(), false, true, Optional.empty()),
                new CookieSpec("SSO", "/app", Optional.empty(), true, false, Optional.empty())), s.loginCookies());
    }

    @Test
    void loadWhenAllowedOriginsListedThenLowerCased() {
        SignOffSettings s = load(Map.of("signoff.allowed-origins", "https://App.Example.com, http://localhost:8080"));

        assertEquals(List.of("https://app.example.com", "http://localhost:8080"), s.allowedOrigins());
    }

    @Test
    void loadWhenExcludePatternsOfEachFormThenKept() {
        SignOffSettings s = load(Map.of("signoff.exclude", "/static/*, *.css ,/health"));

        assertEquals(List.of("/static/*", "*.css", "/health"), s.exclude());
    }

    @Test
    void loadWhenBooleansAndScopesInAnyCaseThenParsed() {
        SignOffSettings s = load(Map.of(
                "signoff.session-cookie.secure", "FALSE",
                "signoff.session-cookie.http-only", "False",
                "signoff.session-cookie.same-site", "none",
                "signoff.credentials.password", "None",
                "signoff.credentials.email", "OTHERS"));

        assertFalse(s.sessionCookieSecure());
        assertFalse(s.sessionCookieHttpOnly());
        assertEquals("None", s.sessionCookieSameSite());
        assertEquals(LogoutScope.NONE, s.policyFor(CredentialKind.PASSWORD));
        assertEquals(LogoutScope.OTHERS, s.policyFor(CredentialKind.EMAIL));
    }

    @Test
    void loadWhenDatasourceSetThenPresent() {
        assertEquals(Optional.of("jdbc/signoff"), load(Map.of("signoff.datasource", "jdbc/signoff")).registry().datasource());
    }

    // --- rejected values ----------------------------------------------------------------------

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                arguments(Setting.IDLE_TIMEOUT, "abc"),
                arguments(Setting.LOGIN_COOKIES, "Ltpa Token2; Path=/"),
                arguments(Setting.LOGIN_COOKIES, "LtpaToken2; Path=relative"),
                arguments(Setting.IDLE_TIMEOUT, "-5s"),
                arguments(Setting.IDLE_TIMEOUT, "0"),
                arguments(Setting.IDLE_TIMEOUT, "PT0S"),
                arguments(Setting.IDLE_TIMEOUT, "1.5h"),
                arguments(Setting.ABSOLUTE_TIMEOUT, "-PT5M"),
                arguments(Setting.STALENESS, "-1s"),
                arguments(Setting.STALENESS, "soon"),
                arguments(Setting.LAST_SEEN_INTERVAL, "0"),
                arguments(Setting.ONE_TIME_TOKEN_TTL, "0ms"),
                arguments(Setting.PREFIX, "sessions"),
                arguments(Setting.PREFIX, "/x/"),
                arguments(Setting.PREFIX, "/"),
                arguments(Setting.PREFIX, "//sessions"),
                arguments(Setting.PREFIX, "/ses sions"),
                arguments(Setting.LOGIN_PAGE, "//evil"),
                arguments(Setting.LOGIN_PAGE, "https://evil.com/login"),
                arguments(Setting.LOGIN_PAGE, "/\\evil.com"),
                arguments(Setting.LOGOUT_REDIRECT, "//evil.com"),
                arguments(Setting.CLEAR_SITE_DATA, "bogus"),
                arguments(Setting.CLEAR_SITE_DATA, "storage, bogus"),
                arguments(Setting.CLEAR_SITE_DATA, ""),
                arguments(Setting.CACHE_CONTROL, ""),
                arguments(Setting.CACHE_CONTROL, "no-store\r\nSet-Cookie: x=y"),
                arguments(Setting.COOKIES, "sid; Max-Age=0"),
                arguments(Setting.COOKIES, "sid; Priority=High"),
                arguments(Setting.COOKIES, "__Host-sid; Path=/; Domain=example.com; Secure"),
                arguments(Setting.COOKIES, "sid; SameSite=None"),
                arguments(Setting.COOKIES, "; Path=/"),
                arguments(Setting.ALLOWED_ORIGINS, "https://app.example.com/path"),
                arguments(Setting.ALLOWED_ORIGINS, "app.example.com"),
                arguments(Setting.CREDENTIALS_PASSWORD, "sometimes"),
                arguments(Setting.CREDENTIALS_SECURITY_CONCERN, "everyone"),
                arguments(Setting.SESSION_COOKIE_SECURE, "yes"),
                arguments(Setting.SESSION_COOKIE_HTTP_ONLY, "1"),
                arguments(Setting.SESSION_COOKIE_SAME_SITE, "Relaxed"),
                arguments(Setting.EXCLUDE, "static/*"),
                arguments(Setting.EXCLUDE, "/a*b"),
                arguments(Setting.EXCLUDE, "*."),
                arguments(Setting.DERBY_DATABASE, ""),
                arguments(Setting.MAX_SESSIONS, "-1"),
                arguments(Setting.MAX_SESSIONS, "two"),
                arguments(Setting.MAX_SESSIONS, "99999999999"),
                arguments(Setting.MAX_SESSIONS_POLICY, "oldest"),
                arguments(Setting.CREDENTIALS_PASSWORD_PURPOSES, "bearer"),
                arguments(Setting.CREDENTIALS_EMAIL_PURPOSES, ""),
                arguments(Setting.LOG_OUT_EVERYWHERE_PURPOSES, "all,-session,-remember_me,-refresh"),
                arguments(Setting.REFRESH_LIFETIME, "0"),
                arguments(Setting.CONTENT_SECURITY_POLICY, "default-src 'none'\r\nSet-Cookie: x=y"),
                arguments(Setting.CONTENT_SECURITY_POLICY, ""),
                arguments(Setting.CROSS_SITE_WITHOUT_ORIGIN, "maybe"),
                arguments(Setting.BEARER_ISSUERS, "https://a.example, bad issuer"),
                arguments(Setting.REFRESH_GRACE, "soon"),
                arguments(Setting.UNROTATED_LOGIN, "allow"),
                arguments(Setting.UNROTATED_LOGIN, ""));
    }

    @Test
    void loadWhenLoginPageSetThenEndedPagesGoThere() {
        SignOffSettings s = SettingsLoader.load(Map.of("signoff.login-page", "/signin")::get, Map.of(), Map.of()).settings();

        assertEquals(Optional.of("/signin"), s.loginPage());
        assertEquals("/shop/signin", s.signInAgainTarget("/shop", "/shop/orders?page=2"));
    }

    @Test
    void signInAgainTargetWhenNoLoginPageThenThePageAskedFor() {
        assertEquals("/shop/orders?page=2", SignOffSettings.defaults().signInAgainTarget("/shop", "/shop/orders?page=2"));
    }

    @Test
    void loadWhenPurposesSetThenEachEndReachesItsOwnAndTheRestAll() {
        SignOffSettings s = SettingsLoader.load(Map.of("signoff.credentials.password.purposes", "all,-refresh",
                "signoff.log-out-everywhere.purposes", "session")::get, Map.of(), Map.of()).settings();

        assertEquals(java.util.Set.of(dev.signoff.events.Purpose.SESSION, dev.signoff.events.Purpose.REMEMBER_ME),
                s.ends().purposesFor(CredentialKind.PASSWORD));
        assertEquals(dev.signoff.events.Purpose.SIGN_IN, s.ends().purposesFor(CredentialKind.EMAIL));
        assertEquals(java.util.Set.of(dev.signoff.events.Purpose.SESSION), s.ends().logOutEverywhere());
        assertEquals(dev.signoff.events.Purpose.SIGN_IN, SignOffSettings.defaults().ends().logOutEverywhere());
    }

    @Test
    void loadWhenHeaderAndCrossSiteSettingsGivenThenTheyAreTheEffectiveOnes() {
        SignOffSettings s = SettingsLoader.load(Map.of("signoff.content-security-policy", "none",
                "signoff.cross-site.without-origin", "REFUSE", "signoff.bearer.issuers", "https://a.example, https://b.example")::get,
                Map.of(), Map.of()).settings();

        assertEquals(Optional.empty(), s.headers().contentSecurityPolicy());
        assertEquals(CrossSiteRule.WithoutOrigin.REFUSE, s.crossSite().withoutOrigin());
        assertEquals(List.of("https://a.example", "https://b.example"), s.tokens().bearerIssuers());
        assertEquals(CrossSiteRule.WithoutOrigin.REFERER, SignOffSettings.defaults().crossSite().withoutOrigin());
        assertTrue(SignOffSettings.defaults().headers().contentSecurityPolicy().orElseThrow().contains("frame-ancestors 'none'"));
        assertFalse(SignOffSettings.defaults().tokens().checksBearer(), "Bearer checking is off unless issuers are named");
    }

    @Test
    void loadWhenRegistryDownServeKnownThenFailsOpenForKnownSessions() {
        SignOffSettings s = SettingsLoader.load(Map.of("signoff.registry-down", "serve-known")::get, Map.of(), Map.of()).settings();

        assertTrue(s.servesKnownWhenRegistryDown());
        assertThrows(InvalidSettingException.class,
                () -> SettingsLoader.load(Map.of("signoff.registry-down", "open")::get, Map.of(), Map.of()));
    }

    @Test
    void loadWhenRevocationPushOffThenPollOnlyAndAutoByDefault() {
        assertTrue(SignOffSettings.defaults().registry().pushesRevocations(), "auto: pushed wherever the database can");
        assertFalse(SettingsLoader.load(Map.of("signoff.revocation-push", "OFF")::get, Map.of(), Map.of()).settings().registry().pushesRevocations());
        assertThrows(InvalidSettingException.class,
                () -> SettingsLoader.load(Map.of("signoff.revocation-push", "on")::get, Map.of(), Map.of()));
    }

    @Test
    void loadWhenUnrotatedLoginBindThenBound() {
        SignOffSettings s = SettingsLoader.load(Map.of("signoff.unrotated-login", "BIND")::get, Map.of(), Map.of()).settings();

        assertTrue(s.bindUnrotatedLogins());
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("invalidValues")
    void loadWhenValueInvalidThenThrowsNamingKeyFormAndValue(Setting setting, String value) {
        Map<String, String> params = Map.of(setting.key(), value);

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingsLoader.load(params::get, Map.of(), Map.of()));

        assertEquals(setting.key(), e.key());
        assertEquals(value.trim(), e.value());
        String message = e.getMessage();
        assertTrue(message.contains("'" + setting.key() + "'"), message);
        assertTrue(message.contains(setting.form()), message);
        assertTrue(message.contains("'" + value.trim() + "'"), message);
        assertTrue(message.contains("context-param"), message);
    }

    @Test
    void loadWhenInvalidValueFromSystemPropertyThenMessageNamesThatSource() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingsLoader.load(NO_CONTEXT_PARAMS, Map.of(), Map.of("signoff.idle-timeout", "abc")));

        assertEquals("SignOff setting 'signoff.idle-timeout' (from system property) must be "
                + Setting.IDLE_TIMEOUT.form() + ", but was 'abc'", e.getMessage());
    }

    @Test
    void loadWhenInvalidValueFromEnvironmentThenMessageNamesThatSource() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> SettingsLoader.load(NO_CONTEXT_PARAMS, Map.of("SIGNOFF_SESSION_COOKIE_SECURE", "yes"), Map.of()));

        assertEquals("signoff.session-cookie.secure", e.key());
        assertTrue(e.getMessage().contains("(from environment)"), e.getMessage());
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
    }

    @Test
    void loadWhenHigherSourceValidThenLowerInvalidValueIgnored() {
        SignOffSettings s = SettingsLoader.load(Map.of("signoff.idle-timeout", "abc")::get,
                Map.of(), Map.of("signoff.idle-timeout", "5m")).settings();

        assertEquals(Duration.ofMinutes(5), s.idleTimeout());
    }

    @Test
    void oidcProvidersWhenGivenThenIssuerClientAndOptionalJwksElseOff() {
        assertEquals(List.of(), load(Map.of()).oidc().providers());
        OidcSettings oidc = load(Map.of("signoff.oidc.providers",
                "https://id.example.com/realms/a/; client-id=shop, http://localhost:8090/realms/b; client-id=b; jwks-uri=http://localhost:8090/certs"))
                .oidc();
        assertEquals(new OidcProvider("https://id.example.com/realms/a/", "shop", java.util.Optional.empty(), java.util.Optional.empty()), oidc.providers().get(0));
        assertEquals(java.net.URI.create("https://id.example.com/realms/a/.well-known/openid-configuration"), oidc.providers().get(0).discoveryUri());
        assertEquals(java.net.URI.create("http://localhost:8090/certs"), oidc.providers().get(1).jwksUri().orElseThrow());
        assertEquals("b", oidc.provider("http://localhost:8090/realms/b").orElseThrow().clientId());
        assertEquals(java.time.Duration.ofMinutes(2), oidc.iatSkew());
    }

    @Test
    void oidcProvidersWhenMalformedThenDeploymentFails() {
        for (String bad : List.of("https://id.example.com", "ftp://id.example.com; client-id=a", "id.example.com; client-id=a",
                "https://id.example.com?x=1; client-id=a", "https://id.example.com; client-id=a; secret=s",
                "https://id.example.com; client-id=", "https://id.example.com; client-id=a; jwks-uri=file:/etc/passwd")) {
            assertThrows(InvalidSettingException.class, () -> load(Map.of("signoff.oidc.providers", bad)), bad);
        }
        assertThrows(InvalidSettingException.class, () -> load(Map.of("signoff.oidc.iat-skew", "0")));
    }

    private static SignOffSettings load(Map<String, String> contextParams) {
        return SettingsLoader.load(contextParams::get, Map.of(), Map.of()).settings();
    }

    private static EffectiveSetting effective(LoadedSettings loaded, Setting setting) {
        return loaded.effective().stream().filter(e -> e.setting() == setting).findFirst()
                .orElseThrow(() -> new AssertionError("no effective value for " + setting));
    }
}
