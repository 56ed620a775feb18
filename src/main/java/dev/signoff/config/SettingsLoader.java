package dev.signoff.config;

import dev.signoff.cookies.CookieSpec;
import dev.signoff.events.CredentialKind;
import dev.signoff.events.LogoutScope;
import dev.signoff.events.Purpose;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads every {@link Setting} once: system property, then environment, then context-param, then
 * default; parses and validates it. A bad value throws {@link InvalidSettingException}.
 *
 * <pre>{@code
 * LoadedSettings loaded = SettingsLoader.load(servletContext::getInitParameter,
 *         System.getenv(), SettingsLoader.systemProperties());
 * }</pre>
 */
public final class SettingsLoader {
    private static final Set<String> CLEAR_SITE_DATA = Set.of("cache", "cookies", "storage", "executionContexts", "*");

    private final Function<String, String> contextParams;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final List<EffectiveSetting> effective = new ArrayList<>();

    private SettingsLoader(Function<String, String> contextParams, Map<String, String> environment,
                           Map<String, String> systemProperties) {
        this.contextParams = contextParams;
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    /** The JVM's system properties as a map (a snapshot). */
    public static Map<String, String> systemProperties() {
        Map<String, String> map = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
        return map;
    }

    /**
     * Loads all settings.
     *
     * @param contextParams    web.xml context-params by name (returns null when absent)
     * @param environment      environment variables
     * @param systemProperties system properties
     */
    public static LoadedSettings load(Function<String, String> contextParams, Map<String, String> environment,
                                      Map<String, String> systemProperties) {
        return new SettingsLoader(contextParams, environment, systemProperties).load();
    }

    private LoadedSettings load() {
        SignOffSettings settings = new SignOffSettings(
                prefix(),
                positive(Setting.IDLE_TIMEOUT),
                positive(Setting.ABSOLUTE_TIMEOUT),
                duration(Setting.STALENESS), parse(Setting.REGISTRY_DOWN, SettingsLoader::servesKnown),
                positive(Setting.LAST_SEEN_INTERVAL),
                list(Setting.EXCLUDE, this::excludePattern),
                optionalPath(Setting.LOGIN_PAGE),
                parse(Setting.UNROTATED_LOGIN, SettingsLoader::bindUnrotated),
                path(Setting.LOGOUT_REDIRECT),
                new ResponseHeaders(headerValue(Setting.CACHE_CONTROL), headerValue(Setting.CONTENT_SECURITY_POLICY)),
                clearSiteData(),
                list(Setting.COOKIES, CookieSpec::parse),
                list(Setting.LOGIN_COOKIES, CookieSpec::parse),
                bool(Setting.SESSION_COOKIE_SECURE),
                sameSite(),
                bool(Setting.SESSION_COOKIE_HTTP_ONLY),
                ends(),
                positive(Setting.ONE_TIME_TOKEN_TTL),
                tokens(),
                new OidcSettings(list(Setting.OIDC_PROVIDERS, OidcProvider::parse), positive(Setting.OIDC_IAT_SKEW)),
                crossSite(),
                registry(),
                integer(Setting.MAX_SESSIONS, 0, Integer.MAX_VALUE),
                parse(Setting.MAX_SESSIONS_POLICY, LimitPolicy::parse),
                positive(Setting.EVENTS_HEARTBEAT),
                purge());
        return new LoadedSettings(settings, effective);
    }

    private EndPolicies ends() {
        Map<CredentialKind, LogoutScope> scopes = new EnumMap<>(CredentialKind.class);
        Map<CredentialKind, Set<Purpose>> purposes = new EnumMap<>(CredentialKind.class);
        credentialPolicy(CredentialKind.PASSWORD, Setting.CREDENTIALS_PASSWORD, Setting.CREDENTIALS_PASSWORD_PURPOSES, scopes, purposes);
        credentialPolicy(CredentialKind.EMAIL, Setting.CREDENTIALS_EMAIL, Setting.CREDENTIALS_EMAIL_PURPOSES, scopes, purposes);
        credentialPolicy(CredentialKind.MFA, Setting.CREDENTIALS_MFA, Setting.CREDENTIALS_MFA_PURPOSES, scopes, purposes);
        credentialPolicy(CredentialKind.SECURITY_CONCERN, Setting.CREDENTIALS_SECURITY_CONCERN,
                Setting.CREDENTIALS_SECURITY_CONCERN_PURPOSES, scopes, purposes);
        return new EndPolicies(scopes, purposes, parse(Setting.LOG_OUT_EVERYWHERE_PURPOSES, Purpose::parseList));
    }

    private void credentialPolicy(CredentialKind kind, Setting scope, Setting purposeList,
                                  Map<CredentialKind, LogoutScope> scopes, Map<CredentialKind, Set<Purpose>> purposes) {
        scopes.put(kind, scope(scope));
        purposes.put(kind, parse(purposeList, Purpose::parseList));
    }

    private CrossSiteRule crossSite() {
        return new CrossSiteRule(list(Setting.ALLOWED_ORIGINS, this::origin),
                parse(Setting.CROSS_SITE_WITHOUT_ORIGIN, CrossSiteRule.WithoutOrigin::parse));
    }

    private TokenSettings tokens() {
        return new TokenSettings(positive(Setting.REFRESH_LIFETIME), duration(Setting.REFRESH_GRACE),
                list(Setting.BEARER_ISSUERS, SettingsLoader::issuer), positive(Setting.BEARER_MAX_LIFETIME),
                positive(Setting.REMEMBER_ME_LIFETIME), duration(Setting.REMEMBER_ME_GRACE));
    }

    private static String issuer(String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("not an issuer");
        }
        return text;
    }

    private RegistrySettings registry() {
        return new RegistrySettings(optional(Setting.DATASOURCE), text(Setting.DERBY_DATABASE),
                parse(Setting.REVOCATION_PUSH, SettingsLoader::pushes), parse(Setting.PENDING_ENDS, SettingsLoader::pendingEnds));
    }

    /** Relative: in the server's working directory, like the embedded Derby database's default home. */
    private static final String DEFAULT_PENDING_ENDS = "signoff-pending-ends";

    /** Empty: the server's working directory's {@code signoff-pending-ends}; {@code none}: memory only. */
    private static Optional<Path> pendingEnds(String v) {
        if (v.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(v.isEmpty() ? Path.of(DEFAULT_PENDING_ENDS) : Path.of(v));
    }

    private PurgeSettings purge() {
        return new PurgeSettings(retention(), duration(Setting.AUDIT_RETENTION), duration(Setting.PURGE_INTERVAL),
                integer(Setting.PURGE_BATCH_SIZE, 1, 10_000));
    }

    private EffectiveSetting raw(Setting setting) {
        String value = systemProperties.get(setting.key());
        SettingSource source = SettingSource.SYSTEM_PROPERTY;
        if (value == null) {
            value = environment.get(setting.environmentKey());
            source = SettingSource.ENVIRONMENT;
        }
        if (value == null) {
            value = contextParams.apply(setting.key());
            source = SettingSource.CONTEXT_PARAM;
        }
        if (value == null) {
            value = setting.defaultValue();
            source = SettingSource.DEFAULT;
        }
        EffectiveSetting e = new EffectiveSetting(setting, value.trim(), source);
        effective.add(e);
        return e;
    }

    private <T> T parse(Setting setting, Function<String, T> parser) {
        EffectiveSetting e = raw(setting);
        try {
            return parser.apply(e.value());
        } catch (RuntimeException ex) {
            throw new InvalidSettingException(setting.key(), e.source(), setting.form(), e.value());
        }
    }

    private String text(Setting setting) {
        return parse(setting, v -> {
            if (v.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return v;
        });
    }

    private Optional<String> optional(Setting setting) {
        return parse(setting, v -> Optional.of(v).filter(s -> !s.isEmpty()));
    }

    private Duration duration(Setting setting) {
        return parse(setting, Durations::parse);
    }

    private Duration positive(Setting setting) {
        return parse(setting, v -> {
            Duration d = Durations.parse(v);
            if (d.isZero()) {
                throw new IllegalArgumentException("zero");
            }
            return d;
        });
    }

    private Duration retention() {
        return parse(Setting.RETENTION, v -> {
            Duration d = Durations.parse(v);
            if (d.compareTo(PurgeSettings.MIN_RETENTION) < 0) {
                throw new IllegalArgumentException("below the minimum");
            }
            return d;
        });
    }

    private int integer(Setting setting, int min, int max) {
        return parse(setting, v -> {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new IllegalArgumentException(v);
            }
            return i;
        });
    }

    private boolean bool(Setting setting) {
        return parse(setting, v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(v);
        });
    }

    private LogoutScope scope(Setting setting) {
        return parse(setting, v -> LogoutScope.valueOf(v.toUpperCase(Locale.ROOT)));
    }

    private String path(Setting setting) {
        return parse(setting, SettingsLoader::checkPath);
    }

    private Optional<String> optionalPath(Setting setting) {
        return parse(setting, v -> v.isEmpty() ? Optional.<String>empty() : Optional.of(checkPath(v)));
    }

    private static boolean servesKnown(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "refuse" -> false;
            case "serve-known" -> true;
            default -> throw new IllegalArgumentException(v);
        };
    }

    private static boolean pushes(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(v);
        };
    }

    private static boolean bindUnrotated(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "end" -> false;
            case "bind" -> true;
            default -> throw new IllegalArgumentException(v);
        };
    }

    private String prefix() {
        return parse(Setting.PREFIX, v -> {
            checkPath(v);
            if (v.length() < 2 || v.endsWith("/") || v.contains("*")) {
                throw new IllegalArgumentException(v);
            }
            return v;
        });
    }

    private static String checkPath(String v) {
        if (!v.startsWith("/") || v.startsWith("//") || v.contains("\\") || v.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new IllegalArgumentException(v);
        }
        return v;
    }

    /** A header's value, or empty for {@code none}; never one that could split the header. */
    private Optional<String> headerValue(Setting setting) {
        return parse(setting, v -> {
            if (v.isEmpty() || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException(v);
            }
            return "none".equalsIgnoreCase(v) ? Optional.<String>empty() : Optional.of(v);
        });
    }

    private String sameSite() {
        return parse(Setting.SESSION_COOKIE_SAME_SITE, v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> throw new IllegalArgumentException(v);
        });
    }

    private List<String> clearSiteData() {
        return parse(Setting.CLEAR_SITE_DATA, v -> {
            if ("none".equalsIgnoreCase(v)) {
                return List.of();
            }
            List<String> directives = split(v).stream().map(d -> d.replace("\"", "")).toList();
            if (directives.isEmpty() || !CLEAR_SITE_DATA.containsAll(directives)) {
                throw new IllegalArgumentException(v);
            }
            return directives;
        });
    }

    private String excludePattern(String p) {
        if (p.startsWith("*.") && p.length() > 2 && !p.substring(1).contains("*")) {
            return p;
        }
        if (p.startsWith("/") && p.indexOf('*') == (p.endsWith("/*") ? p.length() - 1 : -1)) {
            return p;
        }
        throw new IllegalArgumentException(p);
    }

    private String origin(String o) {
        URI uri = URI.create(o);
        if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new IllegalArgumentException(o);
        }
        return o.toLowerCase(Locale.ROOT);
    }

    private <T> List<T> list(Setting setting, Function<String, T> element) {
        return parse(setting, v -> split(v).stream().map(element).toList());
    }

    private static List<String> split(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
