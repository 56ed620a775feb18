package dev.signoff.login;

import dev.signoff.cookies.CookieSpec;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

/**
 * Logins the container keeps in a cookie of its own rather than in the HttpSession, one cookie
 * value for all logins of a user: Open Liberty keeps container and Jakarta Security logins in its
 * {@code LtpaToken2} cookie and hands every login of a user the same token while its authentication
 * cache holds the user, and {@code request.logout()} ends that token for all of them. Such a cookie
 * cannot tell one device from another, so SignOff, for the cookies named in
 * {@code signoff.login-cookies}:
 * <ol>
 *   <li>binds a login only when it saw it happen: the request that logs in leaves its HttpSession
 *       (created now if needed) with a new id and a {@link LoginRotation} mark — the hooks of
 *       {@code dev.signoff.login} do this for form, mechanism and programmatic logins, and
 *       {@link #noteLogin} for a login made in the app's code that they did not see; the next
 *       request opens the registry session as for any login;</li>
 *   <li>refuses every other request such a cookie authenticates without a registry session of its
 *       own: without an HttpSession ({@link #withoutSession}), or with one in which SignOff saw no
 *       login; a copied cookie, or the cookie of a device whose session has ended, is worthless;</li>
 *   <li>ends such a login by deleting the cookie instead of {@code request.logout()}
 *       ({@link #carried}), so that logging out one device leaves the user's other devices alone.</li>
 * </ol>
 */
public final class LoginCookies {
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
     * Whether a login cookie authenticates this request although it comes without an HttpSession:
     * a copied cookie, or the cookie of a device whose session has ended. A request with a session
     * is judged like any login ({@link LoginRotation#mayBind}): bound only if SignOff saw it happen.
     */
    public static boolean withoutSession(HttpServletRequest request, List<CookieSpec> loginCookies) {
        return carried(request, loginCookies) && request.getSession(false) == null;
    }

    /**
     * After a request that came anonymous: if it logged a user in, gives it an HttpSession of its
     * own (created now, or the one it came with under a new id) and the mark that lets the next
     * request bind the login. Nothing when the response is already committed (its session cookie
     * could not be sent any more); that login is then refused.
     */
    public static void noteLogin(HttpServletRequest request, HttpServletResponse response, List<CookieSpec> loginCookies) {
        if (loginCookies.isEmpty() || request.getUserPrincipal() == null || response.isCommitted()) {
            return;
        }
        try {
            request.getSession(true);
            LoginRotation.rotate(request, request.getUserPrincipal().getName());
        } catch (IllegalStateException e) {
            // The application invalidated the session in this request (a logout after all): no login to note.
        }
    }
}
