package dev.signoff.login;

import java.io.Serializable;
import java.util.Optional;

/**
 * Kept in an HttpSession whose id SignOff saw change in the response of the request that
 * presented the login's credentials: only the client that got that response knows the id, so a
 * request that comes with it may have the login bound to a registry session. Serializable, so a
 * replicated session keeps it.
 *
 * @param user     who logged in, or {@code null} when the container names the user only on a later
 *                 request (GlassFish completes a form login on the request after {@code j_security_check})
 * @param id       the session id that response gave the client (the session's own id, which it holds
 *                 anyway); {@code null} while that request is still running (it may change the id again)
 * @param replaced the id the login's request came with, which no request may hold the login by (a
 *                 container that stores the login before it changes the id leaves a moment when
 *                 the session still answers to it); {@code null} for a session the login began
 */
record LoginMark(String user, String id, String replaced) implements Serializable {
    private static final long serialVersionUID = 2L;

    /** A mark of a login whose request began the session: no id to refuse. */
    LoginMark(String user, String id) {
        this(user, id, null);
    }

    /** Whether this mark vouches for a login of {@code caller}. */
    boolean covers(String caller) {
        return user == null || user.equals(caller);
    }

    /**
     * The id a request must come with to hold the login: the one the login's response gave, or,
     * while that request still runs, the session's id now — unless it is still the one the login
     * began with, which whoever planted it knows.
     */
    Optional<String> holderId(String sessionIdNow) {
        String holder = id != null ? id : sessionIdNow;
        return replaced != null && replaced.contains(holder) ? Optional.empty() : Optional.of(holder);
    }

    /** The mark once its request has ended, with the id that request gave the client. */
    LoginMark issued(String idNow) {
        return new LoginMark(user, idNow, replaced);
    }
}
