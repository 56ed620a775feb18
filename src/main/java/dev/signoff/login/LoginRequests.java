package dev.signoff.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.security.Principal;

/**
 * Every request's start and end, as logins need them:
 * <ul>
 *   <li>at the start, the session id the request came with, as the client sent it, before any
 *       authentication of the container's can change it ({@link LoginRotation#ENTRY_ID});</li>
 *   <li>at the end of a request in which a hook saw a login, the id its response gives the client
 *       goes into the mark ({@link LoginRotation#issued});</li>
 *   <li>form logins ({@code POST …/j_security_check}), which the container handles before any
 *       filter: the container's FORM login of {@code <login-config>} and Jakarta Security's form
 *       mechanism. At the end of such a request, while its answer (a redirect) is uncommitted:
 *       <ul>
 *         <li>the container changed the id itself (WildFly), or the session is new: only marked;</li>
 *         <li>it forwarded to its error page: the login failed, nothing to do (a new id now could
 *             not reach the browser any more, and would cost it the page it asked for);</li>
 *         <li>a Jakarta Security mechanism handled it: {@link MechanismLoginInterceptor} did what was needed;</li>
 *         <li>else the login succeeded and the id did not change (GlassFish and Payara complete a
 *             form login only on the next request, and change the id there, in the answer to
 *             whoever sends it first): the id changes now, in the answer to the browser that sent
 *             the password.</li>
 *       </ul>
 *       Changing the id at the start of the request would be simpler, but breaks WildFly's form
 *       login, which looks the session up by its old id when it changes the id itself.</li>
 * </ul>
 */
public class LoginRequests implements ServletRequestListener {
    static final String ACTION = "/j_security_check";
    /** Request attribute: a form login. */
    static final String FORM_LOGIN = "dev.signoff.form-login";
    /** Request attribute: the form login forwarded to a page (its error page). */
    static final String FORWARDED = "dev.signoff.form-login.forwarded";

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            // The id as the client sent it, not the session's id now: a login in a concurrent request
            // may have changed that since the container matched this request to the session.
            if (request.getSession(false) != null && request.getRequestedSessionId() != null) {
                request.setAttribute(LoginRotation.ENTRY_ID, request.getRequestedSessionId());
            }
            if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith(ACTION)) {
                request.setAttribute(FORM_LOGIN, Boolean.TRUE);
            }
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)) {
            return;
        }
        HttpSession session = session(request);
        if (session == null) {
            return;
        }
        if (request.getAttribute(FORM_LOGIN) != null && request.getAttribute(MechanismLoginInterceptor.RAN) == null
                && request.getAttribute(FORWARDED) == null) {
            formLoginEnded(request, session);
        }
        LoginRotation.issued(request, session);
    }

    private static void formLoginEnded(HttpServletRequest request, HttpSession session) {
        Principal user = request.getUserPrincipal();
        String name = user == null ? null : user.getName();
        if (LoginRotation.cameWith(request, session.getId())) {
            LoginRotation.rotate(request, name);
        } else {
            // Changed by the container, or the session is new: either way only this browser knows the id.
            LoginRotation.mark(request, name);
        }
    }

    private static HttpSession session(HttpServletRequest request) {
        try {
            return request.getSession(false);
        } catch (IllegalStateException e) {
            // Invalidated during the request: no session left to protect.
            return null;
        }
    }

    /**
     * Notes that a form login forwarded to a page: the container shows its error page that way.
     * Mapped to forwards only, so it costs other requests nothing.
     */
    public static class Forwards extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request.getAttribute(FORM_LOGIN) != null) {
                request.setAttribute(FORWARDED, Boolean.TRUE);
            }
            chain.doFilter(request, response);
        }
    }
}
