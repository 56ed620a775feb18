package dev.signoff.cookies;

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

    /**
     * Applies the hardening; settings the admin made explicitly stronger are left alone.
     *
     * @param httpOnly {@code signoff.session-cookie.http-only}
     * @param secure   {@code signoff.session-cookie.secure}
     * @param sameSite {@code signoff.session-cookie.same-site}, used when the server sets none
     */
    public static void apply(ServletContext context, boolean httpOnly, boolean secure, String sameSite) {
        SessionCookieConfig config = context.getSessionCookieConfig();
        if (httpOnly && !config.isHttpOnly()) {
            config.setHttpOnly(true);
        }
        if (secure && !config.isSecure()) {
            config.setSecure(true);
        }
        if (config.getAttribute("SameSite") == null) {
            config.setAttribute("SameSite", sameSite);
        }
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
