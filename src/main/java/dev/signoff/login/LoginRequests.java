package dev.signoff.login;

import dev.signoff.config.Configuration;
import dev.signoff.config.CrossSiteRule;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
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
 *   <li>at the start, the request's {@link LoginState}, with the session id it came with as the
 *       client sent it (before any authentication of the container's can change it);</li>
 *   <li>at the end of a request in which a hook saw a login, the id its response gives the client
 *       goes into the mark ({@link LoginRotation#issued});</li>
 *   <li>form logins ({@code POST …/j_security_check}), which the container handles before any
 *       filter: the container's FORM login of {@code <login-config>} and Jakarta Security's form
 *       mechanism. The id changes when the request starts, before the credentials are checked, so
 *       the new id goes out with whatever the container answers (Open Liberty has committed its
 *       answer by the end of the request; GlassFish and Payara would otherwise change the id only
 *       on the request after the login, in the answer to whoever sends it first). Not on WildFly:
 *       its form login changes the id itself, and fails if the id changed before, since it looks the
 *       session up by the id the request came with. The session is marked at once, provisionally
 *       (the container's redirect can bring the client's next request before this one has ended),
 *       and the mark is completed at the end of the request, or taken away if the login failed (the
 *       container forwarded to its error page) or a Jakarta Security mechanism handled it
 *       ({@link MechanismLoginInterceptor} marks what it sees).</li>
 *   <li>a form login posted from another site ({@link CrossSiteRule}) into a session that exists —
 *       login CSRF, or a forged POST riding on a signed-in user's cookie — changes nothing here: its
 *       id stays (changing it would sign the user out on a stranger's request). Should the container
 *       log it in, no mark waits for it, and the next request ends the session as
 *       {@code fixation_suspected}.</li>
 * </ul>
 */
public class LoginRequests implements ServletRequestListener {
    static final String ACTION = "/j_security_check";

    @Inject
    Configuration configuration;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)) {
            return;
        }
        SessionGuard.Asked asked = SessionGuard.ask(request);
        if (asked.refused()) {
            LoginState.started(request, new LoginState(null, false)); // the server keeps the session for another user
            return;
        }
        // The id as the client sent it, not the session's id now: a login in a concurrent request
        // may have changed that since the container matched this request to the session.
        HttpSession session = asked.session();
        String entryId = session == null ? null : request.getRequestedSessionId();
        boolean formLogin = "POST".equals(request.getMethod()) && request.getRequestURI().endsWith(ACTION)
                && !(session != null && configuration.settings().crossSite().isCrossSite(request));
        LoginState state = new LoginState(entryId, formLogin);
        LoginState.started(request, state);
        if (!formLogin) {
            return;
        }
        if (session == null) {
            // A login needs a session SignOff can bind it to (Open Liberty keeps the login itself in a
            // cookie, and would end the request without one); made now, only this browser learns its id.
            session = request.getSession(true);
        } else if (!changesIdAtFormLoginItself(event.getServletContext())) {
            request.changeSessionId();
            state.rotated = true;
        }
        LoginRotation.begin(state, session);
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)) {
            return;
        }
        LoginState state = LoginState.ended(request);
        HttpSession session = SessionGuard.current(request);
        if (session == null) {
            return;
        }
        if (state.formLogin && (state.forwarded || state.mechanismRan)) {
            // Failed (the error page), or a mechanism's: the interceptor completed the mark if it logged the user in.
            LoginRotation.abandon(state, session);
        } else if (state.formLogin) {
            formLoginEnded(request, state, session);
        }
        LoginRotation.issued(state, session);
    }

    /**
     * A form login that did not fail: the id changed at its start, or the container changed it
     * (WildFly), or the session is new — only this browser knows the id. Else it changes now.
     */
    private static void formLoginEnded(HttpServletRequest request, LoginState state, HttpSession session) {
        Principal user = request.getUserPrincipal();
        String name = user == null ? null : user.getName();
        if (state.cameWith(session.getId())) {
            LoginRotation.rotate(request, state, name);
        } else {
            LoginRotation.mark(state, session, name);
        }
    }

    /** WildFly (Undertow with Elytron) changes the id of a form login itself. */
    static boolean changesIdAtFormLoginItself(ServletContext context) {
        String server = context.getServerInfo();
        return server != null && (server.startsWith("WildFly") || server.startsWith("JBoss EAP") || server.startsWith("Undertow"));
    }


    /**
     * Notes that a form login forwarded to a page: the container shows its error page that way.
     * Mapped to forwards only, so it costs other requests nothing.
     */
    public static class Forwards extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            LoginState state = LoginState.peek(request);
            if (state.formLogin) {
                state.forwarded = true;
            }
            chain.doFilter(request, response);
        }
    }
}
