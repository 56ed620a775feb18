package dev.signoff.session;

import dev.signoff.config.SignOffResource;
import dev.signoff.events.EndReason;
import dev.signoff.events.LoggedOutEverywhere;
import dev.signoff.events.Purpose;
import dev.signoff.events.SessionEnded;
import dev.signoff.metrics.SignOffMetrics;
import dev.signoff.registry.Revocation;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a session dies, whoever ends it: the logout routes, the API, an admin, a
 * credential change, the session limit, a timeout the filter or the event stream noticed, an
 * app's own logout. One set of semantics for all:
 * <ol>
 *   <li>this node refuses the session at once, when its token digest is known;</li>
 *   <li>the registry row is revoked (conditional update and audit row, one transaction);</li>
 *   <li>each ended session is named in the server log (a user's sessions ended together share
 *       lines), this node's cache refuses it, and
 *       {@link SessionEnded} is fired (and {@link LoggedOutEverywhere} for a user's sessions), which
 *       also tells the session's open pages (the live stream observes it);</li>
 *   <li>if the registry cannot be reached, the end is queued ({@link PendingEnds}) and applied when
 *       it answers again; the caller learns it from {@link Ending#pending()}.</li>
 * </ol>
 * Other nodes see a revocation within the staleness bound.
 */
@ApplicationScoped
public class Terminator {
    private static final Logger LOG = Logger.getLogger(Terminator.class.getName());
    private static final String ENDED = "SignOff session ended: user=%s handle=%s reason=%s ip=%s";
    private static final String ENDED_MANY = "SignOff sessions ended: user=%s handles=%s reason=%s ip=%s";
    /** Handles per log line when a user's sessions end together: still one grep per handle, not 10 000 lines. */
    private static final int HANDLES_PER_LINE = 100;

    @Inject
    SessionRegistry registry;
    @Inject
    SessionChecker checker;
    @Inject
    PendingEnds pending;
    @Inject
    SignOffMetrics metrics;
    @Inject
    @SignOffResource
    Clock clock;
    @Inject
    Event<SessionEnded> sessionEnded;
    @Inject
    Event<LoggedOutEverywhere> loggedOutEverywhere;

    /** Ends one session (no-op when it has ended already or is unknown). */
    public Ending end(String handle, Optional<String> digest, EndReason reason, String ip) {
        digest.ifPresent(d -> checker.markRevoked(d, reason));
        try {
            return Ending.of(endInRegistry(handle, reason, ip));
        } catch (RuntimeException e) {
            unreachable(e, "ending session " + handle);
            pending.add(handle, reason);
            return Ending.queued(e);
        }
    }

    /**
     * Ends these sessions in one transaction (those ended already or unknown are skipped); queued,
     * each, when the registry cannot be reached.
     */
    public Ending end(List<String> handles, EndReason reason, String ip) {
        try {
            List<SessionSnapshot> ended = registry.revoke(handles, new Revocation(reason, clock.millis(), ip));
            announce(ended, reason, ip);
            return Ending.of(ended.size());
        } catch (RuntimeException e) {
            unreachable(e, "ending " + handles.size() + " sessions");
            handles.forEach(h -> pending.add(h, reason));
            return Ending.queued(e);
        }
    }

    /** Ends every live session of the user except {@code keep}, of every purpose a user signs in with. */
    public Ending endAll(String user, Optional<String> keep, EndReason reason, String ip) {
        return endAll(user, keep, Purpose.SIGN_IN, reason, ip);
    }

    /** Ends every live session of the user with one of the purposes, except {@code keep}. */
    public Ending endAll(String user, Optional<String> keep, Set<Purpose> purposes, EndReason reason, String ip) {
        try {
            return Ending.of(endAllInRegistry(user, keep, purposes, reason, ip));
        } catch (RuntimeException e) {
            unreachable(e, "logging user " + user + " out everywhere");
            pending.addAll(user, keep, purposes, reason);
            return Ending.queued(e);
        }
    }

    /**
     * Records the end of a session the cache found past its idle or absolute lifetime (its row shows
     * only the expiry): the registry, the audit and the events say it, like any other end.
     */
    public void endExpired(String handle, String digest, EndReason reason) {
        end(handle, Optional.of(digest), reason, null);
    }

    /** Makes this node refuse a session at once, before (or without) the registry knowing. */
    public void refuseHere(String digest, EndReason reason) {
        checker.markRevoked(digest, reason);
    }

    /**
     * Records a login refused before any session was stored (e.g. {@code fixation_suspected}): counted
     * like an end and audited. The refusal stands when the registry does not answer; only its audit
     * line is lost, and the caller's log line records it.
     */
    public void refuseLogin(String user, EndReason reason, String ip) {
        metrics.meter().ended(reason);
        try {
            registry.auditRefusedLogin(user, new Revocation(reason, clock.millis(), ip));
        } catch (RuntimeException e) {
            metrics.meter().databaseError();
            LOG.log(Level.WARNING, "SignOff: could not audit a refused login", e);
        }
    }

    /** The registry part of {@link #end}; throws when the registry cannot be reached. Retried by {@link PendingEnds}. */
    int endInRegistry(String handle, EndReason reason, String ip) {
        List<SessionSnapshot> ended = registry.revoke(List.of(handle), new Revocation(reason, clock.millis(), ip));
        announce(ended, reason, ip);
        return ended.size();
    }

    /** The registry part of {@link #endAll}; throws when the registry cannot be reached. Retried by {@link PendingEnds}. */
    int endAllInRegistry(String user, Optional<String> keep, Set<Purpose> purposes, EndReason reason, String ip) {
        List<SessionSnapshot> ended = registry.revokeAllOf(user, keep, purposes, new Revocation(reason, clock.millis(), ip));
        announce(ended, reason, ip);
        fire(() -> loggedOutEverywhere.fire(new LoggedOutEverywhere(user, ended.size(), reason, keep)));
        return ended.size();
    }

    private void announce(List<SessionSnapshot> ended, EndReason reason, String ip) {
        for (SessionSnapshot s : ended) {
            checker.markRevoked(s.tokenDigest(), reason);
        }
        logEnded(ended, reason, ip);
        for (SessionSnapshot s : ended) {
            fire(() -> sessionEnded.fire(new SessionEnded(s.user(), s.handle(), reason, Instant.ofEpochMilli(s.revokedAt()))));
        }
    }

    /**
     * One line per ended session, or per {@link #HANDLES_PER_LINE} sessions of a user that ended
     * together (log out everywhere): a line costs tens of microseconds in a server's log handler,
     * a third of the time it took to end 10 000 sessions with a line each (BENCHMARKS.md).
     */
    private static void logEnded(List<SessionSnapshot> ended, EndReason reason, String ip) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        if (ended.size() == 1) {
            SessionSnapshot s = ended.get(0);
            LOG.info(String.format(ENDED, s.user(), s.handle(), reason.code(), ip));
            return;
        }
        Map<String, List<String>> handlesByUser = new LinkedHashMap<>();
        ended.forEach(s -> handlesByUser.computeIfAbsent(s.user(), u -> new ArrayList<>()).add(s.handle()));
        handlesByUser.forEach((user, handles) -> {
            for (int from = 0; from < handles.size(); from += HANDLES_PER_LINE) {
                List<String> line = handles.subList(from, Math.min(handles.size(), from + HANDLES_PER_LINE));
                LOG.info(String.format(ENDED_MANY, user, String.join(",", line), reason.code(), ip));
            }
        });
    }

    private void unreachable(RuntimeException e, String what) {
        metrics.meter().databaseError();
        LOG.log(Level.WARNING, "SignOff: registry unavailable " + what + "; will retry", e);
    }

    private static void fire(Runnable firing) {
        try {
            firing.run();
        } catch (RuntimeException e) {
            // The end is already stored and enforced; an application observer's failure must neither
            // undo it nor turn a logout into an error page.
            LOG.log(Level.WARNING, "SignOff: an observer of a SignOff event failed", e);
        }
    }
}
