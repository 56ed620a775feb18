package dev.signoff.login;

import java.io.Serializable;

/**
 * Kept in an HttpSession whose id SignOff saw change in the response of the request that
 * presented the login's credentials: only the client that got that response knows the id, so a
 * request that comes with it may have the login bound to a registry session. Serializable, so a
 * replicated session keeps it.
 *
 * @param user     who logged in, or {@code null} when the container names the user only on a later
 *                 request (GlassFish completes a form login on the request after {@code j_security_check})
 * @param id   the session id that response gave the client (the session's own id, which it holds
 *             anyway); {@code null} while that request is still running (it may change the id again)
 */
record LoginMark(String user, String id) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether this mark vouches for a login of {@code caller}. */
    boolean covers(String caller) {
        return user == null || user.equals(caller);
    }

    /** The mark once its request has ended, with the id that request gave the client. */
    LoginMark issued(String idNow) {
        return new LoginMark(user, idNow);
    }
}
