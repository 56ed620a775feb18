package dev.signoff.filter;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.cookies.RememberMeCookie;
import dev.signoff.events.EndReason;
import dev.signoff.limit.SessionLimitException;
import dev.signoff.login.LoginCookies;
import dev.signoff.login.LoginRotation;
import dev.signoff.login.SessionGuard;
import dev.signoff.logout.Logout;
import dev.signoff.session.Bindings;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionChecker;
import dev.signoff.session.SessionOpener;
import dev.signoff.session.Terminator;
import dev.signoff.session.Verdict;
import dev.signoff.tokens.BearerGate;
import dev.signoff.tokens.SignOffRememberMeStore;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks every request against the registry, in a few steps, cheap ones first:
 * <ol>
 *   <li>excluded paths pass untouched, and so do requests without a session or login cookie (no
 *       session is ever created here);</li>
 *   <li>a bound session is checked in the node's cache ({@link SessionChecker}); a dead one is ended
 *       on the spot, a request that holds it under an id replaced at a login is refused;</li>
 *   <li>an authenticated HttpSession without a registry session (a container or Jakarta Security
 *       login) gets one, if SignOff saw its id change at the login ({@link LoginRotation});</li>
 *   <li>the request goes on, authenticated answers with {@code Cache-Control: no-store}; afterwards,
 *       if the app ended the session itself (its own logout), the registry session ends too.</li>
 * </ol>
 * What the filter answers when it does not let a request through is {@link Refusals}'.
 */
public class SignOffFilter extends HttpFilter {
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
    Refusals refusals;
    @Inject
    BearerGate bearer;

    private PathMatcher excluded;

    @Override
    public void init() {
        excluded = new PathMatcher(configuration.settings().exclude());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ContainerErrorPage.noteQuery(request);
        String path = Visit.path(request);
        if (path.startsWith(configuration.settings().prefix() + "/")) {
            // SignOff's own routes (JSON, pages, the stream, signoff.js): never sniffed into another type.
            Visit.header(response, "X-Content-Type-Options", "nosniff");
        }
        if (excluded.matches(path)) {
            chain.doFilter(request, response);
            return;
        }
        Visit visit = new Visit(request, response, chain, configuration.settings(), path);
        if (!bearerAllowed(visit)) {
            return;
        }
        sendRotatedRememberMe(visit);
        sessionForRememberedLogin(visit);
        if (handledWithoutSession(visit)) {
            return;
        }
        visit.identify();
        if (checkBound(visit) && bindNewLogin(visit)) {
            proceed(visit);
        }
    }

    /**
     * A request with nothing to check goes on as it is; one the container will not give its session
     * (the session belongs to another user) is refused. True when the request was handled here.
     */
    private boolean handledWithoutSession(Visit visit) throws IOException, ServletException {
        try {
            if (!visit.untracked()) {
                return false;
            }
        } catch (RuntimeException e) {
            if (!SessionGuard.foreign(e)) {
                throw e;
            }
            refusals.notTheOwner(visit);
            return true;
        }
        proceedUntracked(visit);
        return true;
    }

    /** A Bearer access token SignOff checks (signoff.bearer.issuers) must not be revoked; false when the request was answered here. */
    private boolean bearerAllowed(Visit visit) throws IOException {
        BearerGate.Verdict verdict;
        try {
            verdict = bearer.check(visit.request.getHeader("Authorization"));
        } catch (RuntimeException e) {
            refusals.unavailable(visit, e);
            return false;
        }
        if (verdict == BearerGate.Verdict.PASS) {
            return true;
        }
        refusals.bearer(visit, verdict);
        return false;
    }

    /**
     * A remember-me login made in this request before the filter gets its HttpSession and its mark
     * now, where the server made none (Liberty keeps the login in its login cookie), so that it is
     * bound in this request like any login — and an end of the user's sessions from now on reaches it.
     */
    private static void sessionForRememberedLogin(Visit visit) {
        if (visit.request.getAttribute(SignOffRememberMeStore.LOGGED_IN) instanceof String user
                && visit.request.getSession(false) == null && !visit.response.isCommitted()) {
            visit.request.getSession(true);
            LoginRotation.rotate(visit.request, user);
        }
    }

    /** A remember-me login rotated its token in this request (before the filter): the client gets the new value. */
    private static void sendRotatedRememberMe(Visit visit) {
        if (visit.request.getAttribute(SignOffRememberMeStore.ROTATED) instanceof SignOffRememberMeStore.Rotated r
                && !visit.response.isCommitted()) {
            RememberMeCookie.write(visit.request, visit.response, r.name(), r.value(),
                    Duration.between(Instant.now(), r.expires()).toSeconds(), visit.settings.sessionCookieSecure(),
                    Optional.of(visit.settings.sessionCookieSameSite()));
        }
    }

    /** No session, no login cookie: on to the app; without login cookies configured (the usual case) not even the principal is read. */
    private static void proceedUntracked(Visit visit) throws IOException, ServletException {
        SignOffSettings settings = visit.settings;
        boolean anonymous = settings.loginCookies().isEmpty() || visit.request.getUserPrincipal() == null;
        visit.proceed();
        if (anonymous) {
            LoginCookies.noteLogin(visit.request, visit.response, settings.loginCookies());
        }
    }

    /** The bound session, checked; false when the request was answered here. */
    private boolean checkBound(Visit visit) throws IOException, ServletException {
        Optional<SessionBinding> binding = visit.binding();
        if (binding.isEmpty()) {
            return true;
        }
        if (LoginRotation.heldUnderReplacedId(visit.request)) {
            refusals.notTheHolder(visit);
            return false;
        }
        Verdict verdict;
        try {
            // A page's open event stream is not the user's activity: it must not hold off the idle timeout.
            verdict = visit.events ? checker.peek(binding.get().digest()) : checker.check(binding.get().digest());
        } catch (RuntimeException e) {
            if (visit.logout()) {
                return true; // logged out here at once; the registry end waits in PendingEnds (the answer says so)
            }
            refusals.unavailable(visit, e);
            return false;
        }
        if (!verdict.live()) {
            refusals.ended(visit, verdict.reason().orElse(EndReason.LOGOUT));
            return false;
        }
        replacedByAnotherUser(visit, binding.get());
        return true;
    }

    /**
     * The app logged another user in on this HttpSession without SignOff: the old registry session
     * ends. (No principal is no reason: some mechanisms authenticate only protected paths.)
     */
    private void replacedByAnotherUser(Visit visit, SessionBinding binding) {
        if (visit.user().filter(u -> !u.equals(binding.user())).isPresent()) {
            terminator.end(binding.handle(), Optional.of(binding.digest()), EndReason.LOGOUT, visit.request.getRemoteAddr());
            Bindings.unbind(visit.request);
            visit.unbound();
        }
    }

    /** A login found without a registry session gets one if SignOff may bind it; false when the request was answered here. */
    private boolean bindNewLogin(Visit visit) throws IOException, ServletException {
        Optional<String> user = visit.user();
        if (visit.binding().isPresent() || user.isEmpty()) {
            return true;
        }
        if (LoginCookies.withoutSession(visit.request, visit.settings.loginCookies())) {
            // A login cookie with no session of its own: copied, or of a device whose session ended.
            refusals.ended(visit, EndReason.LOGOUT);
            return false;
        }
        switch (claim(visit, user.get())) {
            case NOT_HOLDER -> refusals.notTheHolder(visit);
            case UNSEEN -> refusals.unrotated(visit, user.get());
            case BIND -> {
                return open(visit, user.get());
            }
        }
        return false;
    }

    /**
     * What the request may do with the login found on its HttpSession ({@link LoginRotation#claim});
     * a login SignOff did not see is bound too when the admin accepts that ({@code signoff.unrotated-login=bind}).
     */
    private static LoginRotation.Claim claim(Visit visit, String user) {
        HttpSession session = visit.request.getSession(false);
        LoginRotation.Claim claim = session == null ? LoginRotation.sessionless(visit.request) : LoginRotation.claim(visit.request, session, user);
        if (claim == LoginRotation.Claim.UNSEEN && visit.settings.bindUnrotatedLogins()) {
            LOG.warning(() -> "SignOff: binding a login of " + user + " whose session id was not changed at login"
                    + " (signoff.unrotated-login=bind): open to session fixation");
            return LoginRotation.Claim.BIND;
        }
        return claim;
    }

    private boolean open(Visit visit, String user) throws IOException {
        try {
            visit.identifyBinding(opener.open(visit.request, visit.response, user));
            return true;
        } catch (SessionLimitException e) {
            refusals.overLimit(visit, e);
        } catch (SessionOpener.SessionInvalidated e) {
            refusals.loggedOutMeanwhile(visit);
        } catch (RuntimeException e) {
            refusals.unavailable(visit, e);
        }
        return false;
    }

    /**
     * On to the app. Afterwards: a login made in the request that came anonymous is noted (login
     * cookies); the app's own logout ends the registry session too.
     */
    private void proceed(Visit visit) throws IOException, ServletException {
        if (visit.user().isPresent()) {
            visit.settings.cacheControl().ifPresent(v -> Visit.header(visit.response, "Cache-Control", v));
        }
        visit.proceed();
        if (visit.user().isEmpty()) {
            LoginCookies.noteLogin(visit.request, visit.response, visit.settings.loginCookies());
        } else if (!visit.events) {
            visit.binding().ifPresent(b -> endIfAppLoggedOut(visit, b));
        }
    }

    /**
     * If the app ended the bound HttpSession itself ({@code session.invalidate()} or
     * {@code request.logout()}, its own logout button), the registry session ends with it (reason
     * app_logout), so the device list, the session limit, other nodes and open pages know. Only a
     * request of the app does this: the server destroying sessions for its own reasons (timeout,
     * shutdown, undeploy, passivation, replication) never passes here.
     */
    private void endIfAppLoggedOut(Visit visit, SessionBinding before) {
        if (visit.request.getAttribute(Logout.ENDED_HERE) != null) {
            return;
        }
        boolean invalidated = Bindings.of(visit.request).filter(b -> b.handle().equals(before.handle())).isEmpty();
        if (invalidated || visit.request.getUserPrincipal() == null) {
            terminator.end(before.handle(), Optional.of(before.digest()), EndReason.APP_LOGOUT, visit.request.getRemoteAddr());
        }
    }
}
