package dev.signoff.session;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffResource;
import dev.signoff.config.SignOffSettings;
import dev.signoff.cookies.CookieDeleter;
import dev.signoff.cookies.SessionCookieHeader;
import dev.signoff.events.EndReason;
import dev.signoff.events.SessionStarted;
import dev.signoff.limit.SessionLimit;
import dev.signoff.limit.SessionLimitException;
import dev.signoff.registry.NewSession;
import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens a registry session for a freshly authenticated HttpSession: rotates the session id (an
 * id known before this point is worthless after it), stores a new row keyed by the digest of a new
 * 256-bit token, binds the HttpSession to it, audits and fires {@link SessionStarted}. Concurrent
 * first requests of one login open one registry session, not two. The session limit
 * ({@link SessionLimit}) is applied here: a refused login stores nothing, and the sessions beyond
 * the limit end through the {@link Terminator} (reason {@code limit}).
 */
@ApplicationScoped
public class SessionOpener {
    private static final Logger LOG = Logger.getLogger(SessionOpener.class.getName());
    private static final String STARTED = "SignOff session started: user=%s handle=%s ip=%s";
    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    @Inject
    SessionRegistry registry;
    @Inject
    Configuration configuration;
    @Inject
    Event<SessionStarted> started;
    @Inject
    SessionLimit limit;
    @Inject
    Terminator terminator;
    @Inject
    @SignOffResource
    Clock clock;

    /**
     * Binds the request's session to a new registry session for {@code user}, unless a concurrent
     * request already did; creates the HttpSession if there is none. The response (may be null)
     * gets the rotated session cookie completed with its configured attributes.
     *
     * @throws SessionLimitException when the user has the most sessions allowed and the policy
     *                               refuses more; the HttpSession is left as it was, for the caller to end
     * @throws SessionInvalidated    when a concurrent request invalidated the HttpSession meanwhile
     */
    public SessionBinding open(HttpServletRequest request, HttpServletResponse response, String user) {
        HttpSession session = request.getSession(true);
        synchronized (LOCKS[Math.floorMod(session.getId().hashCode(), LOCKS.length)]) {
            Optional<SessionBinding> existing = Bindings.of(request).filter(b -> b.user().equals(user));
            if (existing.isPresent()) {
                return existing.get();
            }
            limit.admit(user);
            request.changeSessionId();
            if (response != null) {
                SessionCookieHeader.complete(response, CookieDeleter.sessionCookie(request.getServletContext()));
            }
            SessionSnapshot row = store(request, user);
            SessionBinding binding = new SessionBinding(row.handle(), row.tokenDigest(), user);
            bind(request, session, binding);
            enforceLimit(request, row);
            return binding;
        }
    }

    /**
     * Puts the binding into the HttpSession. A concurrent request (a logout) may have invalidated
     * it since this one began: the login is gone, and so is the registry session just stored for it.
     */
    private void bind(HttpServletRequest request, HttpSession session, SessionBinding binding) {
        try {
            session.setAttribute(SessionBinding.ATTRIBUTE, binding);
        } catch (IllegalStateException e) {
            terminator.end(binding.handle(), Optional.of(binding.digest()), EndReason.LOGOUT, request.getRemoteAddr());
            throw new SessionInvalidated(e);
        }
    }

    /** The HttpSession was invalidated by another request while this one bound its login: nothing is bound. */
    public static final class SessionInvalidated extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SessionInvalidated(IllegalStateException cause) {
            super("the HttpSession was invalidated while its login was bound", cause);
        }
    }

    /** Ends the sessions beyond the limit; when that is the new one itself, unbinds it and refuses the login. */
    private void enforceLimit(HttpServletRequest request, SessionSnapshot opened) {
        List<SessionSnapshot> over = limit.over(opened);
        for (SessionSnapshot s : over) {
            terminator.end(s.handle(), Optional.of(s.tokenDigest()), EndReason.LIMIT, request.getRemoteAddr());
        }
        if (over.stream().anyMatch(s -> s.handle().equals(opened.handle()))) {
            Bindings.unbind(request);
            throw new SessionLimitException(opened.user(), limit.max());
        }
    }

    private SessionSnapshot store(HttpServletRequest request, String user) {
        SignOffSettings s = configuration.settings();
        long now = clock.millis();
        SessionSnapshot row = registry.open(new NewSession(Tokens.newHandle(), Tokens.digest(Tokens.newToken()), user,
                Purpose.SESSION, now, now + s.idleTimeout().toMillis(), now + s.absoluteTimeout().toMillis(),
                request.getRemoteAddr(), request.getHeader("User-Agent")));
        announce(row);
        return row;
    }

    /**
     * Tells of a session just stored, whoever stored it (a login here, a refresh family, a
     * remember-me login): its line in the server log and {@link SessionStarted}.
     */
    public void announce(SessionSnapshot row) {
        LOG.info(() -> String.format(STARTED, row.user(), row.handle(), row.ip()));
        try {
            started.fire(new SessionStarted(row.user(), row.handle(), row.purpose().code(), row.ip(), row.created()));
        } catch (RuntimeException e) {
            // The session is stored and valid; an application observer's failure must not fail the login.
            LOG.log(Level.WARNING, "SignOff: an observer of SessionStarted failed", e);
        }
    }
}
