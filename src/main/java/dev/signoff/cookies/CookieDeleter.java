package dev.signoff.cookies;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes every cookie a session lives in, each with exactly the attributes it was set with: the
 * container's session cookie as its {@link SessionCookieConfig} really sets it (Path is the
 * context path unless configured: the classic failure is deleting it at {@code /}), and each
 * variant of the app cookies named in {@code signoff.cookies}.
 */
public final class CookieDeleter {
    private static final String DEFAULT_SESSION_COOKIE = "JSESSIONID";

    private final List<CookieSpec> cookies;

    private CookieDeleter(List<CookieSpec> cookies) {
        this.cookies = List.copyOf(cookies);
    }

    /**
     * The deleter for an application: its session cookie plus the app cookies ({@code signoff.cookies})
     * and login cookies ({@code signoff.login-cookies}) configured.
     */
    public static CookieDeleter of(ServletContext context, List<CookieSpec> cookies, List<CookieSpec> loginCookies) {
        List<CookieSpec> all = new ArrayList<>();
        all.add(sessionCookie(context));
        all.addAll(cookies);
        all.addAll(loginCookies);
        return new CookieDeleter(all);
    }

    /** The container's session cookie as it is set, read from the SessionCookieConfig. */
    public static CookieSpec sessionCookie(ServletContext context) {
        SessionCookieConfig config = context.getSessionCookieConfig();
        String name = Optional.ofNullable(config.getName()).filter(n -> !n.isBlank()).orElse(DEFAULT_SESSION_COOKIE);
        String contextPath = context.getContextPath();
        String path = Optional.ofNullable(config.getPath()).filter(p -> !p.isBlank())
                .orElse(contextPath.isEmpty() ? "/" : contextPath);
        return new CookieSpec(name, path, Optional.ofNullable(config.getDomain()), config.isSecure(),
                config.isHttpOnly(), Optional.ofNullable(config.getAttribute("SameSite")));
    }

    /** Every cookie this deleter removes. */
    public List<CookieSpec> cookies() {
        return cookies;
    }

    /**
     * Adds one deleting {@code Set-Cookie} header per cookie variant, after dropping any header this
     * response already had for those names: logging out can make the container issue a fresh
     * session cookie, which must not reach the browser beside (or after) its deletion.
     */
    public void deleteAll(HttpServletResponse response) {
        List<String> kept = new ArrayList<>();
        for (String header : response.getHeaders("Set-Cookie")) {
            if (cookies.stream().noneMatch(c -> header.startsWith(c.name() + "="))) {
                kept.add(header);
            }
        }
        boolean first = true;
        for (String header : kept) {
            setOrAdd(response, header, first);
            first = false;
        }
        for (CookieSpec cookie : cookies) {
            setOrAdd(response, cookie.deletionHeader(), first);
            first = false;
        }
    }

    private static void setOrAdd(HttpServletResponse response, String header, boolean first) {
        if (first) {
            response.setHeader("Set-Cookie", header);
        } else {
            response.addHeader("Set-Cookie", header);
        }
    }
}
