package dev.signoff.limit;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import dev.signoff.logout.Terminator;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * The maximum number of live sessions per user ({@code signoff.max-sessions}, 0 = no limit), every
 * device and purpose counted. A login beyond it either ends the user's least recently used sessions
 * (reason {@code limit}; "used" as the registry knows it, to the last-seen interval) or is refused
 * ({@code signoff.max-sessions.policy}). A refusal is decided before anything is stored, so it
 * leaves no session behind; logins racing each other are settled after the fact, by start time.
 *
 * <p>Called around the opening of a registry session:
 * <pre>{@code
 * limit.admit(user);                        // may throw SessionLimitException: nothing stored
 * SessionSnapshot opened = registry.open(...);
 * limit.enforce(opened, ip);                // ends the least recent, or (refuse) a racing loser
 * }</pre>
 */
@ApplicationScoped
public class SessionLimit {
    @Inject
    Configuration configuration;
    @Inject
    SessionRegistry registry;
    @Inject
    Terminator terminator;

    /** Refuses a new session of the user, before it is stored, when the policy is to refuse and the user is at the limit. */
    public void admit(String user) {
        SignOffSettings s = configuration.settings();
        if (s.maxSessions() > 0 && s.maxSessionsPolicy() == LimitPolicy.REFUSE
                && Limits.full(live(user).size(), s.maxSessions())) {
            throw new SessionLimitException(user, s.maxSessions());
        }
    }

    /**
     * Brings the user back within the limit after {@code opened} was stored: ends the least recently
     * used others, or, when refusing, ends {@code opened} itself if a concurrent login took the last
     * place and throws {@link SessionLimitException}.
     */
    public void enforce(SessionSnapshot opened, String ip) {
        SignOffSettings s = configuration.settings();
        int max = s.maxSessions();
        if (max == 0) {
            return;
        }
        List<SessionSnapshot> live = live(opened.user());
        if (s.maxSessionsPolicy() == LimitPolicy.END_LEAST_RECENT) {
            for (SessionSnapshot old : Limits.leastRecent(live, opened.handle(), max)) {
                terminator.end(old.handle(), Optional.of(old.tokenDigest()), EndReason.LIMIT, ip);
            }
        } else if (Limits.lostRace(live, opened.handle(), max)) {
            terminator.end(opened.handle(), Optional.of(opened.tokenDigest()), EndReason.LIMIT, ip);
            throw new SessionLimitException(opened.user(), max);
        }
    }

    private List<SessionSnapshot> live(String user) {
        return registry.listLive(user, configuration.clock().millis());
    }
}
