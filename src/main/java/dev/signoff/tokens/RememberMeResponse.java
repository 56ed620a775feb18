package dev.signoff.tokens;

import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Completes the remember-me cookie Jakarta Security sets at a login with {@code SameSite}, which
 * Jakarta Security never sets (jakartaee/security #202), after the app's answer and while it can
 * still change: on servers that keep cookies among the response's headers (GlassFish, Payara).
 * Others keep them apart until the response is sent; there the server's own SameSite setting covers
 * it (WildFly's {@code samesite-cookie} filter, Liberty's {@code <samesite>}, in {@code server-config/}).
 * A response wrapper cannot do it everywhere: some servers' {@code authenticate} needs their own
 * response object (Liberty's logins fail with a wrapper).
 */
public final class RememberMeResponse {
    private RememberMeResponse() {
    }

    /** Adds the missing SameSite to remember-me cookies among the response's headers. */
    public static void completeHeaders(HttpServletResponse response, Optional<String> sameSite) {
        if (sameSite.isEmpty() || response.isCommitted()) {
            return;
        }
        List<String> headers = new ArrayList<>(response.getHeaders("Set-Cookie"));
        boolean changed = false;
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            if (isRememberMe(h) && !h.toLowerCase(Locale.ROOT).contains("samesite=")) {
                headers.set(i, h + "; SameSite=" + sameSite.get());
                changed = true;
            }
        }
        if (changed) {
            response.setHeader("Set-Cookie", headers.get(0));
            headers.subList(1, headers.size()).forEach(h -> response.addHeader("Set-Cookie", h));
        }
    }

    private static boolean isRememberMe(String setCookie) {
        int eq = setCookie.indexOf('=');
        int end = setCookie.indexOf(';');
        return eq > 0 && RememberMeTokens.isToken(setCookie.substring(eq + 1, end < 0 ? setCookie.length() : end).trim());
    }
}
