package dev.signoff.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;

/**
 * Holds the settings read once at deployment. {@code SignOffBootstrap} calls {@link #load} when the
 * web application starts (and logs them with the routes); everything else asks {@link #settings()}.
 */
@ApplicationScoped
public class Configuration {
    private volatile LoadedSettings loaded;

    /** Reads and validates every setting; throws {@link InvalidSettingException} on a bad value. */
    public synchronized LoadedSettings load(ServletContext context) {
        loaded = SettingsLoader.load(context::getInitParameter, System.getenv(), SettingsLoader.systemProperties());
        return loaded;
    }

    /** A configuration of the defaults alone, as if nothing were configured (tests, tools). */
    public static Configuration defaults() {
        return with(SettingsLoader.load(key -> null, java.util.Map.of(), java.util.Map.of()));
    }

    /** A configuration of settings loaded elsewhere (tests, tools); an application's come from {@link #load}. */
    public static Configuration with(LoadedSettings settings) {
        Configuration c = new Configuration();
        c.loaded = settings;
        return c;
    }

    /** The effective settings. */
    public SignOffSettings settings() {
        return loadedSettings().settings();
    }

    /**
     * Settings with their sources, for introspection.
     *
     * @throws IllegalStateException before the application started: a setting read then would be
     *                               a default that the app's context-params may contradict
     */
    public LoadedSettings loadedSettings() {
        LoadedSettings l = loaded;
        if (l == null) {
            throw new IllegalStateException("SignOff: settings asked for before the application started (SignOffBootstrap)");
        }
        return l;
    }
}
