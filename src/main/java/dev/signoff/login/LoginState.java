package dev.signoff.login;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What one request did as far as logins go, from its start ({@link LoginRequests}) to its end: one
 * object, changed in place by the hooks. It is a request attribute and, for the request's own
 * thread, a thread-local: WildFly drops every request attribute of a {@code j_security_check}
 * request that its Jakarta Authentication layer answered (with the redirect of a login) before the
 * request's end, where the login's mark is completed.
 */
final class LoginState {
    static final String ATTRIBUTE = "dev.signoff.login-state";
    /** The state of the request this thread runs, from its start to its end. */
    private static final ThreadLocal<LoginState> CURRENT = new ThreadLocal<>();

    /** The session id the request came with, as the client sent it, when it matched a session. */
    final String entryId;
    /** A form login: {@code POST …/j_security_check}. */
    final boolean formLogin;
    /** The form login forwarded to a page (its error page). */
    boolean forwarded;
    /** A Jakarta Security mechanism validated this request. */
    boolean mechanismRan;
    /** A hook changed the session id in this request. */
    boolean rotated;
    /** A hook saw a login in this request. */
    boolean loginSeen;

    LoginState(String entryId, boolean formLogin) {
        this.entryId = entryId;
        this.formLogin = formLogin;
    }

    /** The request starts: its state, kept in it and for this thread until {@link #ended}. */
    static void started(HttpServletRequest request, LoginState state) {
        request.setAttribute(ATTRIBUTE, state);
        CURRENT.set(state);
    }

    /** The request ends: its state (the thread's, if the request lost its attributes); this thread forgets it. */
    static LoginState ended(HttpServletRequest request) {
        LoginState state = peek(request);
        CURRENT.remove();
        return state;
    }

    /** This request's state, to read; the listener's, or an empty one for a request it did not see. */
    static LoginState peek(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof LoginState state) {
            return state;
        }
        LoginState current = CURRENT.get();
        return current != null ? current : new LoginState(null, false);
    }

    /** This request's state, to change; a request the listener did not see (no container) gets one now. */
    static LoginState of(HttpServletRequest request) {
        LoginState state = peek(request);
        if (request.getAttribute(ATTRIBUTE) == null) {
            request.setAttribute(ATTRIBUTE, state);
        }
        return state;
    }

    /** Whether the request came with this session id; the client's form may carry decorations around it. */
    boolean cameWith(String id) {
        return entryId != null && entryId.contains(id);
    }
}
