package dev.signoff.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Asking for a request's session where the server may refuse it: Open Liberty's session security
 * throws {@code UnauthorizedSessionRequestException} (SESN0008E) from {@code getSession} when the
 * session belongs to another user than the request's — a session cookie that comes without the
 * login cookie it goes with, or on a page the server does not authenticate. Uncaught, it is a 500.
 */
public final class SessionGuard {
    private SessionGuard() {
    }

    /** Whether the exception is the server refusing the request a session that belongs to another user. */
    public static boolean foreign(RuntimeException e) {
        return e.getClass().getSimpleName().equals("UnauthorizedSessionRequestException");
    }

    /** The request's session as the server answers: refused (it belongs to another user, see above), or the session, null when none. */
    record Asked(boolean refused, HttpSession session) {
    }

    /** Asks for the request's session once, without making one. */
    static Asked ask(HttpServletRequest request) {
        try {
            return new Asked(false, request.getSession(false));
        } catch (RuntimeException e) {
            if (foreign(e)) {
                return new Asked(true, null);
            }
            throw e;
        }
    }

    /** The request's session; null when it has none, it was invalidated during the request, or the server refuses it. */
    static HttpSession current(HttpServletRequest request) {
        try {
            return request.getSession(false);
        } catch (IllegalStateException e) {
            return null; // invalidated during the request: no session left to protect
        } catch (RuntimeException e) {
            if (foreign(e)) {
                return null;
            }
            throw e;
        }
    }
}
