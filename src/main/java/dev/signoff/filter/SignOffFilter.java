package dev.signoff.filter;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.cookies.CookieDeleter;
import dev.signoff.cookies.SessionCookieHeader;
import dev.signoff.events.EndReason;
import dev.signoff.limit.SessionLimitException;
import dev.signoff.live.EventsServlet;
import dev.signoff.login.LoginRequest;
import dev.signoff.login.LoginRotation;
import dev.signoff.logout.Logout;
import dev.signoff.logout.Requests;
import dev.signoff.logout.Terminator;
import dev.signoff.metrics.SignOffMetrics;
import dev.signoff.registry.SessionRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks every request against the registry. Cheap checks first: excluded paths and requests
 * without a session pass untouched (and no session is ever created here). A bound session is
 * checked in the node's cache; a dead one is ended on the spot (container logout, HttpSession
 * invalidated, cookies deleted) and the request is answered 401 JSON or redirected to log in. An
 * authenticated HttpSession without a registry session (a container or Jakarta Security login) gets
 * its id rotated and a registry session (a login kept in a login cookie, {@link LoginCookies}, only
 * if it happened in a request seen here), unless that login exceeds the session limit and the policy
 * refuses it: then it is undone and answered 303 to the login page with {@code ?reason=session_limit}
 * (page navigations) or 409 JSON. Authenticated responses get {@code Cache-Control: no-store}.
 */
public class SignOffFilter extends HttpFilter {
    /**
     * Request attribute (an {@link EndReason}) set when the filter has just ended the session of a
     * request to the event stream, which it then lets through to tell the page why.
     */
    public static final String ENDED_ATTRIBUTE = "dev.signoff.ended";
    private static final Logger LOG = Logger.getLogger(SignOffFilter.class.getName());

    @Inject
    Configuration configuration;
    @Inject
    SessionChecker checker;
    @Inject
    SessionOpener opener;
    @Inject
    Terminator terminator;
    @Inject
    Logout logout;
    @Inject
    SignOffMetrics metrics;
    @Inject
    SessionRegistry registry;

    private PathMatcher excluded;
    private String eventsPath;

    @Override
    public void init() {
        excluded = new PathMatcher(configuration.settings().exclude());
        eventsPath = configuration.settings().prefix() + EventsServlet.PATH;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The container's decoded, normalized path: path parameters (";x.css") cannot fake an exclusion.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (excluded.matches(path)) {
            chain.doFilter(request, response);
            return;
        }
        SignOffSettings settings = configuration.settings();
        // A programmatic login (request.login) in the app changes the session id at once (session fixation).
        HttpServletRequest app = new LoginRequest(request);
        if (request.getSession(false) == null && !LoginCookies.carried(request, settings.loginCookies())) {
            // Nothing to check; without login cookies configured (the usual case) not even the principal.
            boolean anonymous = settings.loginCookies().isEmpty() || request.getUserPrincipal() == null;
            chain.doFilter(app, response);
            if (anonymous) {
                LoginCookies.noteLogin(request, response, settings.loginCookies());
            }
            return;
        }
        Principal principal = request.getUserPrincipal();
        Optional<SessionBinding> binding = Logout.binding(request);
        // A page's open event stream is not the user's activity: it must not hold off the idle timeout.
        boolean events = path.equals(eventsPath);
        if (binding.isPresent() && LoginRotation.heldUnderReplacedId(request)) {
            notTheSessionsHolder(request, response);
            return;
        }
        if (binding.isPresent()) {
            Verdict verdict;
            try {
                verdict = events ? checker.peek(binding.get().digest()) : checker.check(binding.get().digest());
            } catch (RuntimeException e) {
                unavailable(response, e);
                return;
            }
            if (!verdict.live()) {
                end(request, response, chain, binding, verdict, settings, path, events);
                return;
            }
            if (principal != null && !principal.getName().equals(binding.get().user())) {
                // The app logged another user in on this HttpSession without SignOff: end the old session.
                // (No principal is no reason: some mechanisms authenticate only protected paths.)
                endQuietly(request, binding.get());
                binding = Optional.empty();
            }
        }
        if (binding.isEmpty() && principal != null) {
            if (LoginCookies.withoutSession(request, settings.loginCookies())) {
                // A login cookie with no session of its own: copied, or of a device whose session ended.
                end(request, response, chain, binding, Verdict.dead(EndReason.LOGOUT), settings, path, events);
                return;
            }
            switch (claim(request, principal.getName(), settings)) {
                case NOT_HOLDER -> {
                    notTheSessionsHolder(request, response);
                    return;
                }
                case UNSEEN -> {
                    refuseUnrotated(request, response, chain, settings, path, events, principal.getName());
                    return;
                }
                case BIND -> {
                    // on to the registry session
                }
            }
            try {
                opener.open(request, response, principal.getName());
            } catch (SessionLimitException e) {
                refuse(request, response, settings, e);
                return;
            } catch (RuntimeException e) {
                unavailable(response, e);
                return;
            }
        }
        if (principal != null) {
            settings.cacheControl().ifPresent(v -> response.setHeader("Cache-Control", v));
        }
        chain.doFilter(app, response);
        if (principal == null) {
            LoginCookies.noteLogin(request, response, settings.loginCookies());
        } else if (!events) {
            binding.ifPresent(b -> endIfAppLoggedOut(request, b));
        }
    }

    /**
     * What the request may do with the login found on its HttpSession ({@link LoginRotation#claim});
     * a login SignOff did not see is bound too when the admin accepts that
     * ({@code signoff.unrotated-login=bind}).
     */
    private static LoginRotation.Claim claim(HttpServletRequest request, String user, SignOffSettings settings) {
        HttpSession session = request.getSession(false);
        LoginRotation.Claim claim = session == null ? LoginRotation.sessionless(request) : LoginRotation.claim(request, session, user);
        if (claim == LoginRotation.Claim.UNSEEN && settings.bindUnrotatedLogins()) {
            LOG.warning(() -> "SignOff: binding a login of " + user + " whose session id was not changed at login"
                    + " (signoff.unrotated-login=bind): open to session fixation");
            return LoginRotation.Claim.BIND;
        }
        return claim;
    }

    /**
     * A login no hook saw get a fresh session id: whoever planted or saw the id before could be
     * signed in as the user by it. Ended (audited, reason fixation_suspected); the user signs in again.
     */
    private void refuseUnrotated(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                 SignOffSettings settings, String path, boolean events, String user)
            throws IOException, ServletException {
        LOG.warning(() -> "SignOff: ended a login of " + user + " from " + request.getRemoteAddr()
                + " whose session id was not changed at login (fixation suspected); the user must sign in again");
        metrics.meter().ended(EndReason.FIXATION_SUSPECTED);
        try {
            registry.auditRefusedLogin(user, EndReason.FIXATION_SUSPECTED, configuration.clock().millis(), request.getRemoteAddr());
        } catch (RuntimeException e) {
            // The refusal stands without its audit row; the log line above records it.
            metrics.meter().databaseError();
            LOG.log(Level.WARNING, "SignOff: could not audit a refused login", e);
        }
        end(request, response, chain, Optional.empty(), Verdict.dead(EndReason.FIXATION_SUSPECTED), settings, path, events);
    }

    /**
     * Answers a request that reached its session by an id since replaced (at a login): as a caller
     * who is not signed in, without touching the session, which belongs to whoever logged in.
     */
    private static void notTheSessionsHolder(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.info(() -> "SignOff: refused a request from " + request.getRemoteAddr() + " that came with a session id"
                + " replaced at a login meanwhile");
        // The container may have given the session yet another id in this request: that one is not for this client.
        SessionCookieHeader.withhold(response, CookieDeleter.sessionCookie(request.getServletContext()));
        response.setHeader("Cache-Control", "no-store");
        if ("GET".equals(request.getMethod()) && Requests.wantsPage(request)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", requested(request));
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"Sign in first.\"}");
        }
    }

    /**
     * After the app ran: if it ended the bound HttpSession itself ({@code session.invalidate()} or
     * {@code request.logout()}, its own logout button), the registry session ends with it (reason
     * app_logout), so the device list, the session limit, other nodes and open pages know. Only a
     * request of the app does this: the server destroying sessions for its own reasons (timeout,
     * shutdown, undeploy, passivation, replication) never passes here.
     */
    private void endIfAppLoggedOut(HttpServletRequest request, SessionBinding before) {
        if (request.getAttribute(Logout.ENDED_HERE) != null) {
            return;
        }
        boolean invalidated = Logout.binding(request).filter(b -> b.handle().equals(before.handle())).isEmpty();
        if (invalidated || request.getUserPrincipal() == null) {
            endQuietly(request, before, EndReason.APP_LOGOUT);
        }
    }

    private void end(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Optional<SessionBinding> b,
                     Verdict verdict, SignOffSettings settings, String path, boolean events)
            throws IOException, ServletException {
        EndReason reason = verdict.reason().orElse(EndReason.LOGOUT);
        if (b.isPresent() && (reason == EndReason.IDLE_TIMEOUT || reason == EndReason.ABSOLUTE_TIMEOUT)) {
            endQuietly(request, b.get(), reason);
        }
        logout.local(request, response);
        if (events) {
            request.setAttribute(ENDED_ATTRIBUTE, reason);
            chain.doFilter(request, response);
        } else if (settings.loginPage().filter(path::equals).isPresent()) {
            chain.doFilter(request, response);
        } else if ("GET".equals(request.getMethod()) && Requests.wantsPage(request)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", settings.signInAgainTarget(request.getContextPath(), requested(request)));
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"session_ended\",\"reason\":\"" + reason.code() + "\"}");
        }
    }

    private void endQuietly(HttpServletRequest request, SessionBinding b) {
        endQuietly(request, b, EndReason.LOGOUT);
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.removeAttribute(SessionBinding.ATTRIBUTE);
            } catch (IllegalStateException e) {
                // Invalidated meanwhile: nothing left to unbind.
                LOG.log(Level.FINEST, "SignOff: session already invalidated", e);
            }
        }
    }

    private void endQuietly(HttpServletRequest request, SessionBinding b, EndReason reason) {
        try {
            terminator.end(b.handle(), Optional.of(b.digest()), reason, request.getRemoteAddr());
        } catch (RuntimeException e) {
            // The session is refused on this node already (markRevoked ran first); the row shows its
            // expiry times, so every node refuses it anyway.
            metrics.meter().databaseError();
            LOG.log(Level.WARNING, "SignOff: could not record the end of session " + b.handle(), e);
        }
    }

    /** A login beyond the session limit: undone here, and answered like an ended session, with the reason. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, SignOffSettings settings,
                        SessionLimitException e) throws IOException {
        LOG.info(e::getMessage);
        logout.local(request, response);
        if ("GET".equals(request.getMethod()) && Requests.wantsPage(request)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            // The reason is only for a login page of SignOff's users; the app's own page would not know it.
            response.setHeader("Location", settings.loginPage()
                    .map(page -> request.getContextPath() + page + (page.contains("?") ? "&" : "?") + "reason=" + SessionLimitException.CODE)
                    .orElseGet(() -> requested(request)));
        } else {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + SessionLimitException.CODE + "\",\"message\":\"Too many sessions:"
                    + " sign out on another device first.\",\"limit\":" + e.limit() + "}");
        }
    }

    /**
     * The page the request asked for, as a same-origin path with its query, to be asked for again
     * without the ended session; the context root when the raw path could not serve as a redirect.
     */
    static String requested(HttpServletRequest request) {
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        return Requests.safeNext(target).orElse(request.getContextPath() + "/");
    }

    private void unavailable(HttpServletResponse response, RuntimeException e) throws IOException {
        // Fail closed without logging the user out: the request is refused, the session kept.
        metrics.meter().databaseError();
        LOG.log(Level.WARNING, "SignOff: session registry unavailable", e);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"registry_unavailable\"}");
    }
}
