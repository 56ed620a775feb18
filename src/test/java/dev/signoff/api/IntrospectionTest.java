package dev.signoff.api;

import dev.signoff.config.EffectiveSetting;
import dev.signoff.config.LoadedSettings;
import dev.signoff.config.Setting;
import dev.signoff.config.SettingSource;
import dev.signoff.config.SettingsLoader;
import dev.signoff.web.Routes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntrospectionTest {

    @Test
    void ofWhenPrefixConfiguredThenEveryRouteUnderContextAndPrefix() {
        LoadedSettings loaded = SettingsLoader.load(Map.of("signoff.prefix", "/account/devices")::get, Map.of(), Map.of());
        Introspection i = Introspection.of("/shop", loaded);

        assertTrue(i.routes().stream().allMatch(r -> r.path().startsWith("/shop/account/devices/")), i::toString);
        assertTrue(i.routes().stream().anyMatch(r -> r.path().equals("/shop/account/devices/api/introspection")
                && SessionsResource.ADMIN_ROLE.equals(r.role())));
    }

    @Test
    void ofWhenAProviderConfiguredThenTheBackchannelRouteToo() {
        String route = "/shop/sessions" + Routes.BACKCHANNEL_LOGOUT;
        Introspection off = Introspection.of("/shop", SettingsLoader.load(key -> null, Map.of(), Map.of()));
        assertTrue(off.routes().stream().noneMatch(r -> r.path().equals(route)), off::toString);
        Introspection on = Introspection.of("/shop", SettingsLoader.load(
                Map.of("signoff.oidc.providers", "https://id.example.com/realms/r; client-id=shop")::get, Map.of(), Map.of()));
        assertTrue(on.routes().stream().anyMatch(r -> r.path().equals(route) && r.methods().equals(java.util.List.of("POST"))), on::toString);
    }

    @Test
    void ofWhenSetInSeveralPlacesThenEachSettingWithItsSource() {
        LoadedSettings loaded = SettingsLoader.load(Map.of("signoff.idle-timeout", "15m")::get,
                Map.of("SIGNOFF_STALENESS", "2s"), Map.of("signoff.max-sessions", "3"));
        Introspection i = Introspection.of("", loaded);

        assertEquals(Setting.values().length, i.settings().size(), "every setting, once");
        assertEquals(new Introspection.SettingView("signoff.idle-timeout", "15m", "context-param", "30m"), view(i, "signoff.idle-timeout"));
        assertEquals("environment", view(i, "signoff.staleness").source());
        assertEquals("system property", view(i, "signoff.max-sessions").source());
        assertEquals("default", view(i, "signoff.prefix").source());
        assertEquals(Setting.PREFIX.key(), i.settings().get(0).key(), "in the order of Setting");
    }

    @Test
    void summaryWhenLoggedThenOneLinePerRouteAndSetting() {
        Introspection i = Introspection.of("/ctx", SettingsLoader.load(key -> null, Map.of(), Map.of()));
        String summary = i.summary();

        assertTrue(summary.contains("  POST,DELETE /ctx/sessions/log_out - "), summary);
        assertTrue(summary.contains("  GET /ctx/sessions/api/introspection [signoff-admin] - "), summary);
        assertTrue(summary.contains("  signoff.max-sessions=0 (default)"), summary);
        assertEquals(i.routes().size() + i.settings().size() + 2, summary.lines().count());
    }

    @Test
    void shownValueWhenNotSecretThenAsConfigured() {
        EffectiveSetting plain = new EffectiveSetting(Setting.DATASOURCE, "jdbc/signoff", SettingSource.ENVIRONMENT);
        assertEquals("jdbc/signoff", plain.shownValue());
    }

    @Test
    void defaultPathOfTheApplicationFollowsTheDefaultPrefix() {
        assertEquals(Setting.PREFIX.defaultValue() + Routes.API, Routes.API_DEFAULT_PATH);
    }

    private static Introspection.SettingView view(Introspection i, String key) {
        return i.settings().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
