package dev.signoff.logout;

import dev.signoff.config.Configuration;
import dev.signoff.events.EndReason;
import dev.signoff.events.LoggedOutEverywhere;
import dev.signoff.events.SessionEnded;
import dev.signoff.filter.SessionChecker;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends registry sessions: the one place where a session dies. In order: the registry row is
 * revoked (conditional update plus audit row, own transaction), this node's cache refuses the
 * session at once, the server log gets a line, then the CDI events are fired. Other nodes see the
 * revocation within the staleness bound; the HttpSession of an ended session is invalidated by the
 * filter when its next request arrives, wherever it arrives.
 */
@ApplicationScoped
public class Terminator {
    private static final Logger LOG = Logger.getLogger(Terminator.class.getName());
    private static final String ENDED = "SignOff session ended: user=%s handle=%s reason=%s ip=%s";

    @Inject
    SessionRegistry registry;
    @Inject
    SessionChecker checker;
    @Inject
    Configuration configuration;
    @Inject
    Event<SessionEnded> sessionEnded;
    @Inject
    Event<LoggedOutEverywhere> loggedOutEverywhere;

    /**
     * Ends one session. Returns it if this call ended it (empty when it was already ended or unknown).
     * Throws when the registry is unavailable; the session's digest, if given, is refused on this
     * node regardless.
     */
    public Optional<SessionSnapshot> end(String handle, Optional<String> digest, EndReason reason, String ip) {
        digest.ifPresent(d -> checker.markRevoked(d, reason));
        List<SessionSnapshot> ended = registry.revoke(List.of(handle), reason, now(), ip);
        announce(ended, reason, ip);
        return ended.stream().findFirst();
    }

    /** Ends every live session of the user except {@code keep}; returns the ended ones. */
    public List<SessionSnapshot> endAll(String user, Optional<String> keep, EndReason reason, String ip) {
        List<SessionSnapshot> ended = registry.revokeAllOf(user, keep, reason, now(), ip);
        announce(ended, reason, ip);
        fire(() -> loggedOutEverywhere.fire(new LoggedOutEverywhere(user, ended.size(), reason, keep)));
        return ended;
    }

    /** Makes this node refuse a session at once, before (or without) the registry knowing. */
    public void markRevoked(String digest, EndReason reason) {
        checker.markRevoked(digest, reason);
    }

    private void announce(List<SessionSnapshot> ended, EndReason reason, String ip) {
        for (SessionSnapshot s : ended) {
            checker.markRevoked(s.tokenDigest(), reason);
            LOG.info(() -> String.format(ENDED, s.user(), s.handle(), reason.code(), ip));
        }
        for (SessionSnapshot s : ended) {
            fire(() -> sessionEnded.fire(new SessionEnded(s.user(), s.handle(), reason, Instant.ofEpochMilli(s.revokedAt()))));
        }
    }

    private long now() {
        return configuration.clock().millis();
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
