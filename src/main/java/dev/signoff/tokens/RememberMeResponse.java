package dev.signoff.tokens;

import dev.signoff.cookies.RememberMeCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The response the app writes, through which a remember-me cookie Jakarta Security sets at a login
 * (inside the app's {@code SecurityContext.authenticate}) gets {@code SameSite}, which Jakarta
 * Security never sets (jakartaee/security #202). Other cookies pass untouched. Servers whose
 * {@code authenticate} writes to their own response object rather than the one it is given
 * (GlassFish) are covered by {@link #completeHeaders} after the app's answer.
 */
public final class RememberMeResponse extends HttpServletResponseWrapper {
    private final Optional<String> sameSite;

    public RememberMeResponse(HttpServletResponse response, Optional<String> sameSite) {
        super(response);
        this.sameSite = sameSite;
    }

    /** Adds the missing SameSite to remember-me cookies already among the response's headers, while it can still change. */
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

    @Override
    public void addCookie(Cookie cookie) {
        if (sameSite.isPresent() && RememberMeTokens.isToken(cookie.getValue())) {
            RememberMeCookie.completed((HttpServletResponse) getResponse(), cookie, sameSite);
        } else {
            super.addCookie(cookie);
        }
    }
}
