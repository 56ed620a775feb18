package dev.signoff.cookies;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * The remember-me cookie as Jakarta Security sets it (Soteria: path the context root, or {@code /}),
 * written and deleted by SignOff with the same name and path, plus {@code SameSite}, which Jakarta
 * Security's own never carries (jakartaee/security #202). Headers are written as text so that the
 * attributes reach the client on every server.
 */
public final class RememberMeCookie {
    private RememberMeCookie() {
    }

    /** The path Jakarta Security gives the cookie: the context root (Soteria, WildFly), or {@code /} on Open Liberty. */
    public static String path(HttpServletRequest request) {
        String context = request.getContextPath();
        boolean liberty = String.valueOf(request.getServletContext().getServerInfo()).contains("Liberty");
        return liberty || context == null || context.isEmpty() ? "/" : context;
    }

    /** Sends the cookie with a new value, for {@code maxAgeSeconds}. */
    public static void write(HttpServletRequest request, HttpServletResponse response, String name, String value,
                             long maxAgeSeconds, boolean secure, Optional<String> sameSite) {
        response.addHeader("Set-Cookie", name + "=" + value + "; Max-Age=" + Math.max(0, maxAgeSeconds) + attributes(request, secure, sameSite));
    }

    /** Deletes the cookie, with the attributes it was set with. */
    public static void delete(HttpServletRequest request, HttpServletResponse response, String name, boolean secure,
                              Optional<String> sameSite) {
        response.addHeader("Set-Cookie", name + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
                + attributes(request, secure, sameSite));
    }

    private static String attributes(HttpServletRequest request, boolean secure, Optional<String> sameSite) {
        return "; Path=" + path(request) + (secure ? "; Secure" : "") + "; HttpOnly" + sameSite.map(s -> "; SameSite=" + s).orElse("");
    }
}
