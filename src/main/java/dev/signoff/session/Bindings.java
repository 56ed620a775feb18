package dev.signoff.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The registry session a request belongs to, as its HttpSession says ({@link SessionBinding}), and
 * the one rule for "keep the current session": a request keeps its own session only when that
 * session is one of the user's whose sessions are being ended (log out everywhere else, an admin
 * ending their own sessions, a password change made from this session).
 */
public final class Bindings {
    private Bindings() {
    }

    /** The registry binding of the request's HttpSession, if any (never creates a session). */
    public static Optional<SessionBinding> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(session.getAttribute(SessionBinding.ATTRIBUTE))
                    .filter(SessionBinding.class::isInstance).map(SessionBinding.class::cast);
        } catch (IllegalStateException e) {
            // Invalidated by a concurrent request: the session has no binding any more.
            return Optional.empty();
        }
    }

    /** The handle of the request's own session, when it is a session of {@code user}: the one to keep. */
    public static Optional<String> currentOf(HttpServletRequest request, String user) {
        return of(request).filter(b -> b.user().equals(user)).map(SessionBinding::handle);
    }

    /** Forgets the binding of the request's HttpSession (the session itself stays). */
    public static void unbind(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            session.removeAttribute(SessionBinding.ATTRIBUTE);
        } catch (IllegalStateException e) {
            // Invalidated meanwhile: nothing left to unbind.
        }
    }
}
