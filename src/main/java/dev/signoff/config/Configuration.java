package dev.signoff.config;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Clock;

/**
 * Holds the settings read once at deployment. {@code SignOffBootstrap} calls {@link #load} when the
 * web application starts (and logs them with the routes); everything else asks {@link #settings()}.
 */
@ApplicationScoped
public class Configuration {
    private volatile LoadedSettings loaded;
    private final Clock clock = Clock.systemUTC();

    /** Reads and validates every setting; throws {@link InvalidSettingException} on a bad value. */
    public synchronized LoadedSettings load(ServletContext context) {
        loaded = SettingsLoader.load(context::getInitParameter, System.getenv(), SettingsLoader.systemProperties());
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

    /** JNDI name of the server's default managed scheduler (Jakarta Concurrency). */
    static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    /**
     * The server's default managed scheduler, looked up in the caller's naming context (so call it
     * on an application thread).
     *
     * @param purpose what it is for, named in the error when the server has none
     */
    public static ManagedScheduledExecutorService scheduler(String purpose) {
        try {
            return (ManagedScheduledExecutorService) new InitialContext().lookup(SCHEDULER);
        } catch (NamingException e) {
            throw new IllegalStateException("SignOff: no " + SCHEDULER + " (Jakarta Concurrency) for " + purpose, e);
        }
    }

}
