package dev.signoff.filter;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import dev.signoff.logout.Logout;
import dev.signoff.logout.Requests;
import dev.signoff.logout.Terminator;
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
 * its id rotated and a registry session. Authenticated responses get {@code Cache-Control: no-store}.
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
    Logout logout;

    private PathMatcher excluded;

    @Override
    public void init() {
        excluded = new PathMatcher(configuration.settings().exclude());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The container's decoded, normalized path: path parameters (";x.css") cannot fake an exclusion.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (excluded.matches(path) || request.getSession(false) == null) {
            chain.doFilter(request, response);
            return;
        }
        SignOffSettings settings = configuration.settings();
        Optional<SessionBinding> binding = Logout.binding(request);
        Principal principal = request.getUserPrincipal();
        if (binding.isPresent()) {
            Verdict verdict;
            try {
                verdict = checker.check(binding.get().digest());
            } catch (RuntimeException e) {
                unavailable(response, e);
                return;
            }
            if (!verdict.live()) {
                end(request, response, chain, binding.get(), verdict, settings, path);
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
            try {
                opener.open(request, response, principal.getName());
            } catch (RuntimeException e) {
                unavailable(response, e);
                return;
            }
        }
        if (principal != null) {
            settings.cacheControl().ifPresent(v -> response.setHeader("Cache-Control", v));
        }
        chain.doFilter(request, response);
    }

    private void end(HttpServletRequest request, HttpServletResponse response, FilterChain chain, SessionBinding b,
                     Verdict verdict, SignOffSettings settings, String path) throws IOException, ServletException {
        EndReason reason = verdict.reason().orElse(EndReason.LOGOUT);
        if (reason == EndReason.IDLE_TIMEOUT || reason == EndReason.ABSOLUTE_TIMEOUT) {
            endQuietly(request, b, reason);
        }
        logout.local(request, response);
        if (path.equals(settings.loginPage())) {
            chain.doFilter(request, response);
        } else if ("GET".equals(request.getMethod()) && Requests.wantsPage(request)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + settings.loginPage());
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
            LOG.log(Level.WARNING, "SignOff: could not record the end of session " + b.handle(), e);
        }
    }

    private static void unavailable(HttpServletResponse response, RuntimeException e) throws IOException {
        // Fail closed without logging the user out: the request is refused, the session kept.
        LOG.log(Level.WARNING, "SignOff: session registry unavailable", e);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"registry_unavailable\"}");
    }
}
