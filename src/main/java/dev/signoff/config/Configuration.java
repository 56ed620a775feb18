package dev.signoff.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Holds the settings read once at deployment. {@code SignOffBootstrap} calls {@link #load} when the
 * web application starts; everything else asks {@link #settings()}.
 */
@ApplicationScoped
public class Configuration {
    private static final Logger LOG = Logger.getLogger(Configuration.class.getName());

    private volatile LoadedSettings loaded;
    private final Clock clock = Clock.systemUTC();

    /** Reads and validates every setting; throws {@link InvalidSettingException} on a bad value. */
    public synchronized LoadedSettings load(ServletContext context) {
        loaded = SettingsLoader.load(context::getInitParameter, System.getenv(), SettingsLoader.systemProperties());
        LOG.info(() -> "SignOff settings: " + loaded.summary());
        return loaded;
    }

    /** The effective settings (defaults plus system properties and environment if not loaded yet). */
    public SignOffSettings settings() {
        return loadedSettings().settings();
    }

    /** Settings with their sources, for introspection. */
    public LoadedSettings loadedSettings() {
        LoadedSettings l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = SettingsLoader.load(key -> null, System.getenv(), SettingsLoader.systemProperties());
                }
                l = loaded;
            }
        }
        return l;
    }

    /** The clock every expiry is computed with. */
    public Clock clock() {
        return clock;
    }

}
