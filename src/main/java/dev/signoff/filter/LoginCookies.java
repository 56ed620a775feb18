package dev.signoff.filter;

import dev.signoff.cookies.CookieSpec;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.List;

/**
 * Logins the container keeps in a cookie of its own rather than in the HttpSession, one cookie
 * value for all logins of a user: Open Liberty keeps container and Jakarta Security logins in its
 * {@code LtpaToken2} cookie and hands every login of a user the same token while its authentication
 * cache holds the user, and {@code request.logout()} ends that token for all of them. Such a cookie
 * cannot tell one device from another, so SignOff, for the cookies named in
 * {@code signoff.login-cookies}:
 * <ol>
 *   <li>binds a login only when it saw it happen: the request that logs in (anonymous when it
 *       came, authenticated when it leaves) gets its HttpSession marked ({@link #noteLogin}); the
 *       next request opens the registry session as for any login;</li>
 *   <li>refuses every other request such a cookie authenticates without a registry session of its
 *       own ({@link #loginWithoutSession}): a copied cookie, or the cookie of a device whose session
 *       has ended, is worthless;</li>
 *   <li>ends such a login by deleting the cookie instead of {@code request.logout()}
 *       ({@link #carried}), so that logging out one device leaves the user's other devices alone.</li>
 * </ol>
 */
public final class LoginCookies {
    /** HttpSession attribute: the user who logged in in the request that created or last used it. */
    static final String LOGGED_IN = "dev.signoff.logged-in";

    private LoginCookies() {
    }

    /** Whether the request carries one of the login cookies. */
    public static boolean carried(HttpServletRequest request, List<CookieSpec> loginCookies) {
        if (loginCookies.isEmpty()) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (loginCookies.stream().anyMatch(spec -> spec.name().equals(c.getName()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a login cookie authenticates this request, which has no registry session, although no
     * request of this HttpSession logged {@code user} in.
     */
    static boolean loginWithoutSession(HttpServletRequest request, String user, List<CookieSpec> loginCookies) {
        if (!carried(request, loginCookies)) {
            return false;
        }
        HttpSession session = request.getSession(false);
        try {
            return session == null || !user.equals(session.getAttribute(LOGGED_IN));
        } catch (IllegalStateException e) {
            // Invalidated by a concurrent request: no login was seen in it.
            return true;
        }
    }

    /**
     * After a request that came anonymous: if it logged a user in, marks its HttpSession (created
     * now if needed) so that the next request binds the login. Nothing when the response is already
     * committed (its session cookie could not be sent any more); that login is then refused.
     */
    static void noteLogin(HttpServletRequest request, HttpServletResponse response, List<CookieSpec> loginCookies) {
        if (loginCookies.isEmpty() || request.getUserPrincipal() == null || response.isCommitted()) {
            return;
        }
        try {
            request.getSession(true).setAttribute(LOGGED_IN, request.getUserPrincipal().getName());
        } catch (IllegalStateException e) {
            // The application invalidated the session in this request (a logout after all): no login to note.
        }
    }

    /** Clears the mark once the login is bound. */
    static void bound(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(LOGGED_IN);
        }
    }
}
