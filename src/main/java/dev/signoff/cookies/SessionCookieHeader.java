package dev.signoff.cookies;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Completes the container's session cookie header with the attributes of its
 * {@link jakarta.servlet.SessionCookieConfig} that the container left out. Some servers (GlassFish
 * 7.0) ignore {@code SessionCookieConfig.setAttribute("SameSite", …)}; SignOff applies it to the
 * cookie it makes the container issue when it rotates the session id at login, so every
 * authenticated session cookie carries it, and its deletion repeats it.
 */
public final class SessionCookieHeader {
    private SessionCookieHeader() {
    }

    /**
     * Takes any session cookie the container put into this response back out: the answer to a
     * request that may not learn the session's new id (one that came with an id replaced at a login).
     */
    public static void withhold(HttpServletResponse response, CookieSpec sessionCookie) {
        if (response.isCommitted()) {
            return;
        }
        String prefix = sessionCookie.name() + "=";
        List<String> kept = response.getHeaders("Set-Cookie").stream().filter(h -> !h.startsWith(prefix)).toList();
        if (kept.size() == response.getHeaders("Set-Cookie").size()) {
            return;
        }
        response.setHeader("Set-Cookie", null);
        kept.forEach(h -> response.addHeader("Set-Cookie", h));
    }

    /**
     * Whether the server leaves SameSite out of its session cookie although SessionCookieConfig has
     * it: GlassFish 7.0 and Payara (its code). Others honor it, or cannot be helped from a filter
     * (WildFly writes the cookie later); rewriting their headers would only reformat them (Liberty).
     */
    public static boolean serverDropsSameSite(ServletContext context) {
        String server = String.valueOf(context.getServerInfo());
        return server.contains("GlassFish") || server.contains("Payara");
    }

    /** Rewrites this response's Set-Cookie headers for the session cookie, adding a missing SameSite. */
    public static void complete(HttpServletResponse response, CookieSpec sessionCookie) {
        if (sessionCookie.sameSite().isEmpty() || response.isCommitted()) {
            return;
        }
        List<String> headers = new ArrayList<>(response.getHeaders("Set-Cookie"));
        String prefix = sessionCookie.name() + "=";
        boolean changed = false;
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            if (h.startsWith(prefix) && !h.toLowerCase(Locale.ROOT).contains("samesite=")) {
                headers.set(i, h + "; SameSite=" + sessionCookie.sameSite().get());
                changed = true;
            }
        }
        if (changed) {
            response.setHeader("Set-Cookie", headers.get(0));
            for (int i = 1; i < headers.size(); i++) {
                response.addHeader("Set-Cookie", headers.get(i));
            }
        }
    }
}
