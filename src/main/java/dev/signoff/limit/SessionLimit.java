package dev.signoff.limit;

import dev.signoff.config.Configuration;
import dev.signoff.config.LimitPolicy;
import dev.signoff.config.SignOffResource;
import dev.signoff.config.SignOffSettings;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;

/**
 * The maximum number of live sessions per user ({@code signoff.max-sessions}, 0 = no limit), every
 * device and purpose counted. A login beyond it either ends the user's least recently used sessions
 * (reason {@code limit}; "used" as the registry knows it, to the last-seen interval) or is refused
 * ({@code signoff.max-sessions.policy}). A refusal is decided before anything is stored, so it
 * leaves no session behind; logins racing each other are settled after the fact, by start time.
 * This class decides; the opener ends what it says, through the one place sessions end.
 *
 * <p>Called around the opening of a registry session:
 * <pre>{@code
 * limit.admit(user);                               // may throw SessionLimitException: nothing stored
 * SessionSnapshot opened = registry.open(...);
 * List<SessionSnapshot> over = limit.over(opened); // to end (reason limit); may be the new one itself
 * }</pre>
 */
@ApplicationScoped
public class SessionLimit {
    @Inject
    Configuration configuration;
    @Inject
    SessionRegistry registry;
    @Inject
    @SignOffResource
    Clock clock;

    /** Refuses a new session of the user, before it is stored, when the policy is to refuse and the user is at the limit. */
    public void admit(String user) {
        SignOffSettings s = configuration.settings();
        if (s.maxSessions() > 0 && s.maxSessionsPolicy() == LimitPolicy.REFUSE
                && Limits.full(live(user).size(), s.maxSessions())) {
            throw new SessionLimitException(user, s.maxSessions());
        }
    }

    /**
     * The sessions that bring the user back within the limit after {@code opened} was stored, if
     * ended: the least recently used others, or, when refusing, {@code opened} itself if a concurrent
     * login took the last place (then the caller must refuse the login, {@link SessionLimitException}).
     */
    public List<SessionSnapshot> over(SessionSnapshot opened) {
        SignOffSettings s = configuration.settings();
        int max = s.maxSessions();
        if (max == 0) {
            return List.of();
        }
        List<SessionSnapshot> live = live(opened.user());
        if (s.maxSessionsPolicy() == LimitPolicy.END_LEAST_RECENT) {
            return Limits.leastRecent(live, opened.handle(), max);
        }
        return Limits.lostRace(live, opened.handle(), max) ? List.of(opened) : List.of();
    }

    /** The configured maximum (0: none). */
    public int max() {
        return configuration.settings().maxSessions();
    }

    private List<SessionSnapshot> live(String user) {
        return registry.listLive(user, clock.millis());
    }
}
