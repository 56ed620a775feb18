package dev.signoff;

import dev.signoff.config.Configuration;
import dev.signoff.events.EndReason;
import dev.signoff.filter.SessionBinding;
import dev.signoff.filter.SessionOpener;
import dev.signoff.limit.SessionLimitException;
import dev.signoff.logout.Logout;
import dev.signoff.logout.OneTimeTokens;
import dev.signoff.logout.Terminator;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The programmatic API: everything the routes do, for code with a request in hand (servlets,
 * filters) and for code that has only a user and a handle (Faces or JAX-RS beans, admin tools).
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * @Inject SignOff signOff;
 *
 * // an app that logs users in itself (container and Jakarta Security logins need nothing):
 * request.login(user, password);
 * signOff.start(request, request.getRemoteUser());
 *
 * signOff.logOut(request, response);                       // this session
 * signOff.logOutEverywhere(request, response, true);       // every other device
 * signOff.list("alice");                                   // alice's live sessions
 * signOff.end("alice", handle);                            // one of them
 * }</pre>
 */
@ApplicationScoped
public class SignOff {
    private static final Logger LOG = Logger.getLogger(SignOff.class.getName());

    @Inject
    SessionOpener opener;
    @Inject
    Logout logout;
    @Inject
    Terminator terminator;
    @Inject
    SessionRegistry registry;
    @Inject
    Configuration configuration;

    /**
     * Records a login the application performed itself: rotates the session id and opens a
     * registry session for {@code user} bound to the request's HttpSession (created if needed).
     */
    public SessionInfo start(HttpServletRequest request, String user) {
        return start(request, null, user);
    }

    /**
     * As {@link #start(HttpServletRequest, String)}, completing the rotated session cookie in the response.
     *
     * @throws SessionLimitException when the user has {@code signoff.max-sessions} sessions and the
     *                               policy is {@code refuse}: the login is undone (container logout, HttpSession
     *                               invalidated, cookies deleted when a response is given), nothing is stored
     */
    public SessionInfo start(HttpServletRequest request, HttpServletResponse response, String user) {
        SessionBinding binding;
        try {
            binding = opener.open(request, response, user);
        } catch (SessionLimitException e) {
            undoLogin(request, response);
            throw e;
        }
        return registry.findByHandle(binding.handle()).map(s -> SessionInfo.of(s, true))
                .orElseThrow(() -> new IllegalStateException("session vanished right after it was opened"));
    }

    private void undoLogin(HttpServletRequest request, HttpServletResponse response) {
        if (response != null) {
            logout.local(request, response);
            return;
        }
        try {
            request.logout();
        } catch (ServletException e) {
            // Not logged in through the container: there is no container login to undo.
            LOG.log(Level.FINE, "SignOff: request.logout() failed", e);
        }
        Optional.ofNullable(request.getSession(false)).ifPresent(HttpSession::invalidate);
    }

    /**
     * The user the caller is signed in as: the user of the caller's registry session, else the
     * container's remote user (a login SignOff has not bound yet). Empty for anonymous callers.
     */
    public Optional<String> caller(HttpServletRequest request) {
        return Optional.ofNullable(Logout.binding(request).map(SessionBinding::user).orElse(request.getRemoteUser()));
    }

    /** The handle of the caller's registry session, if the caller has one. */
    public Optional<String> currentHandle(HttpServletRequest request) {
        return Logout.binding(request).map(SessionBinding::handle);
    }

    /** Ends the caller's session: registry, container login, HttpSession, cookies. Writes no status. */
    public void logOut(HttpServletRequest request, HttpServletResponse response) {
        logout.current(request, response, EndReason.LOGOUT);
    }

    /** Ends all the caller's sessions (or all others with {@code keepCurrent}); returns how many. */
    public int logOutEverywhere(HttpServletRequest request, HttpServletResponse response, boolean keepCurrent) {
        return logout.everywhere(request, response, keepCurrent);
    }

    /** The user's live sessions, most recently used first ({@code current} is false: no request here). */
    public List<SessionInfo> list(String user) {
        return list(user, Optional.empty());
    }

    /** The caller's live sessions, the caller's own marked {@code current}. */
    public List<SessionInfo> list(HttpServletRequest request) {
        return caller(request).map(user -> list(user, currentHandle(request))).orElse(List.of());
    }

    /**
     * Any user's live sessions (for admin tools), most recently used first; {@code current} marks the
     * caller's own session, which is among them only when the user is the caller.
     */
    public List<SessionInfo> list(String user, HttpServletRequest request) {
        return list(user, currentHandle(request));
    }

    private List<SessionInfo> list(String user, Optional<String> current) {
        long now = configuration.clock().millis();
        return registry.listLive(user, now).stream()
                .map(s -> SessionInfo.of(s, current.filter(s.handle()::equals).isPresent())).toList();
    }

    /** Ends one of the user's sessions; false when the handle is malformed, unknown or another user's. */
    public boolean end(String user, String handle) {
        return end(user, handle, EndReason.ENDED_BY_USER);
    }

    /** Ends one of the user's sessions with the given reason (e.g. {@link EndReason#ADMIN}). */
    public boolean end(String user, String handle, EndReason reason) {
        if (!Tokens.isHandle(handle)) {
            return false;
        }
        Optional<SessionSnapshot> session = registry.findByHandle(handle).filter(s -> s.user().equals(user));
        return session.flatMap(s -> terminator.end(s.handle(), Optional.of(s.tokenDigest()), reason, null)).isPresent();
    }

    /** Ends every session of the user; returns how many. */
    public int endAll(String user, EndReason reason) {
        return endAll(user, reason, Optional.empty());
    }

    /** Ends every session of the user but {@code keepHandle}; returns how many. */
    public int endAllExcept(String user, String keepHandle) {
        return endAll(user, EndReason.LOGOUT_ALL, Optional.of(keepHandle));
    }

    /**
     * Ends every session of the user but {@code keepHandle} (if given) with the given reason; returns
     * how many. An admin ending their own sessions keeps the one they are using this way.
     */
    public int endAll(String user, EndReason reason, Optional<String> keepHandle) {
        return terminator.endAll(user, keepHandle, reason, null).size();
    }

    /** Context path plus route prefix, e.g. {@code /shop/sessions}. */
    public String prefixPath(HttpServletRequest request) {
        return request.getContextPath() + configuration.settings().prefix();
    }

    /**
     * A URL that logs the caller out everywhere with a plain GET, for server-side redirects: it
     * carries a one-time token (single use, short lived, bound to this HttpSession; not a session
     * token). Empty string when the caller has no session.
     */
    public String logOutAllUrl(HttpServletRequest request) {
        String token = OneTimeTokens.issue(request, configuration.clock(), configuration.settings().oneTimeTokenTtl());
        if (token.isEmpty()) {
            return "";
        }
        return prefixPath(request) + "/log_out/all/get?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
    }
}
