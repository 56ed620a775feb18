package dev.signoff.logout;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.cookies.CookieDeleter;
import dev.signoff.events.EndReason;
import dev.signoff.filter.LoginCookies;
import dev.signoff.filter.SessionBinding;
import dev.signoff.registry.SessionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging the caller out, as a sequence of one-job steps in this order:
 * <ol>
 * <li>revoke in the registry ({@link Terminator}: row, audit, this node's cache, events);</li>
 * <li>{@code request.logout()} (container and Jakarta Security authentication), unless the login
 * lives in a login cookie shared by all the user's logins ({@link LoginCookies}), deleted in step 4;</li>
 * <li>invalidate the HttpSession;</li>
 * <li>delete every session cookie with its exact attributes ({@link CookieDeleter});</li>
 * <li>write {@code Clear-Site-Data} and {@code Cache-Control: no-store}.</li>
 * </ol>
 * The registry step comes first because it alone holds on every node. If the registry is down,
 * the local steps still run (the caller is logged out here), this node keeps refusing the session,
 * and {@link PendingEnds} retries the revocation until the database answers.
 */
@ApplicationScoped
public class Logout {
    /** Request attribute: SignOff itself logged the caller out in this request (not the app). */
    public static final String ENDED_HERE = "dev.signoff.logged-out";
    private static final Logger LOG = Logger.getLogger(Logout.class.getName());

    @Inject
    Terminator terminator;
    @Inject
    PendingEnds pending;
    @Inject
    Configuration configuration;

    /** The registry binding of the caller's HttpSession, if any. */
    public static Optional<SessionBinding> binding(HttpServletRequest request) {
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

    /** Ends the caller's current session (if any) and clears it from the client. */
    public void current(HttpServletRequest request, HttpServletResponse response, EndReason reason) {
        binding(request).ifPresent(b -> {
            try {
                terminator.end(b.handle(), Optional.of(b.digest()), reason, request.getRemoteAddr());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "SignOff: registry unavailable, will retry ending session " + b.handle(), e);
                pending.add(b.handle(), reason);
            }
        });
        local(request, response);
    }

    /**
     * Ends all the caller's sessions on every device; with {@code keepCurrent} the caller's own
     * stays. Returns how many were ended. An anonymous caller ends nothing.
     */
    public int everywhere(HttpServletRequest request, HttpServletResponse response, boolean keepCurrent) {
        Optional<SessionBinding> binding = binding(request);
        String user = binding.map(SessionBinding::user).orElse(request.getRemoteUser());
        int count = 0;
        if (user != null) {
            Optional<String> keep = keepCurrent ? binding.map(SessionBinding::handle) : Optional.empty();
            try {
                List<SessionSnapshot> ended = terminator.endAll(user, keep, EndReason.LOGOUT_ALL, request.getRemoteAddr());
                count = ended.size();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "SignOff: registry unavailable, will retry logging out user " + user + " everywhere", e);
                pending.addAll(user, keep, EndReason.LOGOUT_ALL);
                if (!keepCurrent) {
                    binding.ifPresent(b -> terminator.markRevoked(b.digest(), EndReason.LOGOUT_ALL));
                }
            }
        }
        if (!keepCurrent) {
            local(request, response);
        }
        return count;
    }

    /** Steps 2 to 5: the caller's container session, cookies and browser data. */
    public void local(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ENDED_HERE, Boolean.TRUE);
        SignOffSettings settings = configuration.settings();
        // A login cookie serves all logins of the user: request.logout() would end it on every device,
        // so it is deleted below instead, and the filter refuses it without a session of its own.
        if (!LoginCookies.carried(request, settings.loginCookies())) {
            try {
                request.logout();
            } catch (ServletException | RuntimeException e) {
                // Some mechanisms refuse logout for a request that is not authenticated; nothing to undo then.
                LOG.log(Level.FINE, "SignOff: request.logout() failed", e);
            }
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException e) {
                // Already invalidated (by request.logout() or a concurrent request): the goal is reached.
                LOG.log(Level.FINEST, "SignOff: session already invalidated", e);
            }
        }
        if (!response.isCommitted()) {
            CookieDeleter.of(request.getServletContext(), settings).deleteAll(response);
            settings.clearSiteDataHeader().ifPresent(v -> response.setHeader("Clear-Site-Data", v));
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
