package dev.signoff.cookies;

import dev.signoff.config.SignOffSettings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;

import java.util.EnumSet;

/**
 * Hardens the container's session cookie at start-up where the admin left it open: HttpOnly,
 * SameSite (Lax by default) and Secure (configurable for plain-HTTP development); and tracks
 * sessions by cookie only, so a session id never appears in a URL. Must run while the context is
 * initializing (a {@code ServletContextListener}); the SessionCookieConfig is frozen afterwards.
 */
public final class SessionCookieHardening {
    private SessionCookieHardening() {
    }

    /** Applies the hardening; settings the admin made explicitly stronger are left alone. */
    public static void apply(ServletContext context, SignOffSettings settings) {
        SessionCookieConfig config = context.getSessionCookieConfig();
        if (settings.sessionCookieHttpOnly() && !config.isHttpOnly()) {
            config.setHttpOnly(true);
        }
        if (settings.sessionCookieSecure() && !config.isSecure()) {
            config.setSecure(true);
        }
        if (config.getAttribute("SameSite") == null) {
            config.setAttribute("SameSite", settings.sessionCookieSameSite());
        }
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
