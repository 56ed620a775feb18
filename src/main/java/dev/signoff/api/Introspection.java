package dev.signoff.api;

import dev.signoff.config.EffectiveSetting;
import dev.signoff.config.LoadedSettings;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code GET <prefix>/api/introspection} answers and the start-up log says: the module's routes
 * and every setting's effective value with where it came from. Secret settings show only that they
 * are set ({@link EffectiveSetting#shownValue()}).
 *
 * <pre>{@code
 * {"routes":[{"methods":["POST","DELETE"],"path":"/shop/sessions/log_out","role":null,"description":"…"}, …],
 *  "settings":[{"key":"signoff.idle-timeout","value":"15m","source":"context-param","defaultValue":"30m"}, …]}
 * }</pre>
 *
 * @param routes   the module's routes
 * @param settings every setting
 */
@JsonbPropertyOrder({"routes", "settings"})
public record Introspection(List<Route> routes, List<SettingView> settings) {
    public Introspection {
        routes = List.copyOf(routes);
        settings = List.copyOf(settings);
    }

    /**
     * One setting.
     *
     * @param key          system property / context-param name
     * @param value        effective value as configured (secrets hidden)
     * @param source       {@code system property}, {@code environment}, {@code context-param} or {@code default}
     * @param defaultValue the default
     */
    @JsonbPropertyOrder({"key", "value", "source", "defaultValue"})
    public record SettingView(String key, String value, String source, String defaultValue) {
        static SettingView of(EffectiveSetting e) {
            return new SettingView(e.setting().key(), e.shownValue(), e.source().label(), e.setting().defaultValue());
        }
    }

    /** The introspection of an app at {@code contextPath} with these settings. */
    public static Introspection of(String contextPath, LoadedSettings loaded) {
        return new Introspection(Route.all(contextPath, loaded.settings().prefix(), !loaded.settings().oidc().providers().isEmpty()),
                loaded.effective().stream().map(SettingView::of).toList());
    }

    /** The same as text, one route or setting per line, for the start-up log. */
    public String summary() {
        return "routes:\n" + routes.stream().map(r -> "  " + r.line()).collect(Collectors.joining("\n"))
                + "\nsettings:\n" + settings.stream().map(s -> "  " + s.key() + "=" + s.value() + " (" + s.source() + ")")
                .collect(Collectors.joining("\n"));
    }
}
