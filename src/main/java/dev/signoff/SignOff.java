package dev.signoff;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffResource;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.limit.SessionLimitException;
import dev.signoff.logout.Logout;
import dev.signoff.logout.OneTimeTokens;
import dev.signoff.registry.ProviderSessions;
import dev.signoff.registry.Revocation;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import dev.signoff.session.Bindings;
import dev.signoff.session.Ending;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionOpener;
import dev.signoff.session.Terminator;
import dev.signoff.tokens.AccessClaims;
import dev.signoff.web.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The programmatic API: everything the routes do, for code with a request in hand (servlets,
 * filters) and for code that has only a user and a handle (Faces or JAX-RS beans, admin tools).
 * One vocabulary: {@code logOut} ends one session, {@code logOutEverywhere} all of a user's.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * @Inject SignOff signOff;
 *
 * // an app that logs users in itself (container and Jakarta Security logins need nothing):
 * signOff.start(request, response, user);
 *
 * signOff.logOut(request, response);                       // this session
 * signOff.logOutEverywhere(request, response, true);       // every other device
 * signOff.list("alice");                                   // alice's live sessions
 * signOff.logOut("alice", handle);                         // one of them
 * signOff.logOutEverywhere("alice", EndReason.ADMIN);      // all of them
 * }</pre>
 * The methods that end sessions of a user throw {@link SignOffException} when the registry cannot
 * be reached; the end is queued then, and applied when it answers again.
 */
@ApplicationScoped
public class SignOff {
    @Inject
    SessionOpener opener;
    @Inject
    Logout logout;
    @Inject
    Terminator terminator;
    @Inject
    SessionRegistry registry;
    @Inject
    ProviderSessions providerSessions;
    @Inject
    Configuration configuration;
    @Inject
    @SignOffResource
    Clock clock;

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
            logout.local(request, response);
            throw e;
        }
        return registry.findByHandle(binding.handle()).map(s -> SessionInfo.of(s, true))
                .orElseThrow(() -> new IllegalStateException("session vanished right after it was opened"));
    }

    /**
     * The user the caller is signed in as: the user of the caller's registry session, else the
     * container's remote user (a login SignOff has not bound yet). Empty for anonymous callers.
     */
    public Optional<String> caller(HttpServletRequest request) {
        return Optional.ofNullable(Bindings.of(request).map(SessionBinding::user).orElse(request.getRemoteUser()));
    }

    /** The handle of the caller's registry session, if the caller has one. */
    public Optional<String> currentHandle(HttpServletRequest request) {
        return Bindings.of(request).map(SessionBinding::handle);
    }

    /** The handle of the caller's registry session when it is one of {@code user}'s: the one to keep when ending theirs. */
    public Optional<String> currentHandle(HttpServletRequest request, String user) {
        return Bindings.currentOf(request, user);
    }

    /** Ends the caller's session: registry, container login, HttpSession, cookies. Writes no status. */
    public void logOut(HttpServletRequest request, HttpServletResponse response) {
        logout.current(request, response, EndReason.LOGOUT);
    }

    /** Ends all the caller's sessions (or all others with {@code keepCurrent}); returns how many. */
    public int logOutEverywhere(HttpServletRequest request, HttpServletResponse response, boolean keepCurrent) {
        return logout.everywhere(request, response, keepCurrent);
    }

    /** Ends one of the user's sessions; false when the handle is malformed, unknown or another user's. */
    public boolean logOut(String user, String handle) {
        return logOut(user, handle, EndReason.ENDED_BY_USER);
    }

    /** Ends one of the user's sessions with the given reason (e.g. {@link EndReason#ADMIN}). */
    public boolean logOut(String user, String handle, EndReason reason) {
        if (!Tokens.isHandle(handle)) {
            return false;
        }
        Optional<SessionSnapshot> session = registry.findByHandle(handle).filter(s -> s.user().equals(user));
        return session.map(s -> stored(terminator.end(s.handle(), Optional.of(s.tokenDigest()), reason, null), user).ended() > 0)
                .orElse(false);
    }

    /** Ends every session of the user; returns how many. */
    public int logOutEverywhere(String user, EndReason reason) {
        return logOutEverywhere(user, reason, Optional.empty());
    }

    /**
     * Ends every session of the user but {@code keepHandle} (if given) with the given reason; returns
     * how many. An admin ending their own sessions keeps the one they are using this way
     * ({@link #currentHandle(HttpServletRequest, String)}).
     */
    public int logOutEverywhere(String user, EndReason reason, Optional<String> keepHandle) {
        return stored(terminator.endAll(user, keepHandle, configuration.settings().ends().logOutEverywhere(), reason, null),
                user).ended();
    }

    /**
     * Ends the user's sessions of the given purposes but {@code keepHandle} (if given), whatever
     * {@code signoff.log-out-everywhere.purposes} says; returns how many. E.g. a suspended API key:
     * {@code logOutEverywhere(user, EndReason.ADMIN, Optional.empty(), Set.of(Purpose.REFRESH))}.
     */
    public int logOutEverywhere(String user, EndReason reason, Optional<String> keepHandle, Set<Purpose> purposes) {
        return stored(terminator.endAll(user, keepHandle, purposes, reason, null), user).ended();
    }

    /**
     * Refuses one Bearer access token from now until it expires, on every node within the staleness
     * bound (this one at once), keyed by its issuer and {@code jti}: a re-encoded copy is refused
     * too. Only tokens of {@code signoff.bearer.issuers} are checked.
     */
    public void revokeAccessToken(String issuer, String jti, String user, Instant expiresAt) {
        try {
            registry.revokeAccessToken(AccessClaims.key(issuer, jti), user,
                    new Revocation(EndReason.LOGOUT, clock.millis(), null), expiresAt.toEpochMilli());
        } catch (RuntimeException e) {
            throw new SignOffException("SignOff could not reach the registry to revoke an access token of user '" + user + "'", e);
        }
    }

    /**
     * Records that the caller's session was logged in through an OpenID Provider's session, for an
     * app with an OpenID Connect client of its own (Jakarta Security's OpenID mechanism needs no call):
     * a back-channel logout token of that provider naming {@code sid} — or, without one, {@code subject}
     * — then ends this session. Call it after the login, with the claims of the ID token received.
     *
     * @return false, recording nothing, when the caller has no registry session or {@code issuer} is
     *         not one of {@code signoff.oidc.providers}
     * @throws SignOffException when the registry cannot be reached
     */
    public boolean linkProviderSession(HttpServletRequest request, String issuer, Optional<String> sid, String subject) {
        Optional<String> handle = currentHandle(request);
        if (handle.isEmpty() || configuration.settings().oidc().provider(issuer).isEmpty()) {
            return false;
        }
        try {
            providerSessions.link(handle.get(), issuer, sid, subject);
            return true;
        } catch (RuntimeException e) {
            throw new SignOffException("SignOff could not reach the registry to record a provider session", e);
        }
    }

    /** Ends every session of the user but {@code keepHandle} (reason {@code logout_all}); returns how many. */
    public int logOutEverywhereElse(String user, String keepHandle) {
        return logOutEverywhere(user, EndReason.LOGOUT_ALL, Optional.of(keepHandle));
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
        return registry.listLive(user, clock.millis()).stream()
                .map(s -> SessionInfo.of(s, current.filter(s.handle()::equals).isPresent())).toList();
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
        String token = OneTimeTokens.issue(request, clock, configuration.settings().oneTimeTokenTtl());
        if (token.isEmpty()) {
            return "";
        }
        return prefixPath(request) + Routes.LOG_OUT_ALL_GET + "?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
    }

    /** @deprecated since 0.3.0, use {@link #logOut(String, String)}; removed in 0.4.0. */
    @Deprecated(since = "0.3.0", forRemoval = true)
    public boolean end(String user, String handle) {
        return logOut(user, handle);
    }

    /** @deprecated since 0.3.0, use {@link #logOut(String, String, EndReason)}; removed in 0.4.0. */
    @Deprecated(since = "0.3.0", forRemoval = true)
    public boolean end(String user, String handle, EndReason reason) {
        return logOut(user, handle, reason);
    }

    /** @deprecated since 0.3.0, use {@link #logOutEverywhere(String, EndReason)}; removed in 0.4.0. */
    @Deprecated(since = "0.3.0", forRemoval = true)
    public int endAll(String user, EndReason reason) {
        return logOutEverywhere(user, reason);
    }

    /** @deprecated since 0.3.0, use {@link #logOutEverywhereElse(String, String)}; removed in 0.4.0. */
    @Deprecated(since = "0.3.0", forRemoval = true)
    public int endAllExcept(String user, String keepHandle) {
        return logOutEverywhereElse(user, keepHandle);
    }

    /** @deprecated since 0.3.0, use {@link #logOutEverywhere(String, EndReason, Optional)}; removed in 0.4.0. */
    @Deprecated(since = "0.3.0", forRemoval = true)
    public int endAll(String user, EndReason reason, Optional<String> keepHandle) {
        return logOutEverywhere(user, reason, keepHandle);
    }

    /** The ending as it went; the registry's failure thrown to the caller (the end itself is queued). */
    private static Ending stored(Ending ending, String user) {
        ending.failure().ifPresent(e -> {
            throw new SignOffException("SignOff could not reach the registry to end sessions of user '" + user
                    + "'; the end is queued and applied when it answers", e);
        });
        return ending;
    }
}
