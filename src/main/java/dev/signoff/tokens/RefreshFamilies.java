package dev.signoff.tokens;

import dev.signoff.config.Configuration;
import dev.signoff.config.TokenSettings;
import dev.signoff.config.SignOffResource;
import dev.signoff.events.EndReason;
import dev.signoff.registry.NewSession;
import dev.signoff.events.Purpose;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.SpentToken;
import dev.signoff.registry.Tokens;
import dev.signoff.session.Ending;
import dev.signoff.session.SessionOpener;
import dev.signoff.session.Terminator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens in families. A family is a registry session of purpose {@code refresh}: listed
 * with the user's sessions, ended by log out everywhere, a credential change, an admin or its
 * device's logout like any other, always through the {@link Terminator}. Each token works once:
 * presenting the current one rotates it (one conditional update, so of two racing refreshes
 * exactly one gets a new token, on any number of nodes). A spent token presented again is reuse —
 * someone else has a copy — and ends the family, except the token just replaced within
 * {@code signoff.refresh.grace}, which is only refused (a retried request or a second tab must not
 * sign the user out, Spring's remember-me false alarms). Older generations are never accepted.
 */
@ApplicationScoped
public class RefreshFamilies {
    @Inject
    SessionRegistry registry;
    @Inject
    Terminator terminator;
    @Inject
    Configuration configuration;
    @Inject
    @SignOffResource
    Clock clock;
    @Inject
    SessionOpener opener;

    /** Starts a family for the user; throws when the registry cannot be reached (nothing issued). */
    public RefreshToken issue(String user, String ip, String userAgent) {
        String token = Tokens.newToken();
        long now = clock.millis();
        long end = now + settings().refreshLifetime().toMillis();
        SessionSnapshot family = registry.open(new NewSession(Tokens.newHandle(), Tokens.digest(token), user,
                Purpose.REFRESH, now, end, end, ip, userAgent));
        opener.announce(family);
        return new RefreshToken(token, family.handle(), user, Instant.ofEpochMilli(end));
    }

    /** Rotates the presented token, or says why not; throws when the registry cannot be reached (nothing issued). */
    public Refresh refresh(String presented, String ip) {
        if (!Tokens.isToken(presented)) {
            return Refresh.refused(Refresh.Outcome.UNKNOWN);
        }
        String digest = Tokens.digest(presented);
        Optional<SessionSnapshot> family = registry.findByDigest(digest).filter(RefreshFamilies::isFamily);
        if (family.isPresent()) {
            return rotate(family.get(), digest, ip);
        }
        return registry.findSpent(digest).map(spent -> spentPresented(spent, ip))
                .orElse(Refresh.refused(Refresh.Outcome.UNKNOWN));
    }

    /**
     * Ends the family of the presented (current) token, reason {@code logout}: the client's logout.
     * Empty when the token is not a live family's; else the ending (which may be queued).
     */
    public Optional<Ending> revoke(String presented, String ip) {
        if (!Tokens.isToken(presented)) {
            return Optional.empty();
        }
        String digest = Tokens.digest(presented);
        return registry.findByDigest(digest).filter(RefreshFamilies::isFamily).filter(f -> !f.revoked())
                .map(f -> terminator.end(f.handle(), Optional.of(digest), EndReason.LOGOUT, ip));
    }

    private Refresh rotate(SessionSnapshot family, String digest, String ip) {
        long now = clock.millis();
        if (family.revoked()) {
            return Refresh.refused(Refresh.Outcome.ENDED);
        }
        if (family.absoluteExpiresAt() <= now) {
            terminator.endExpired(family.handle(), digest, EndReason.ABSOLUTE_TIMEOUT);
            return Refresh.refused(Refresh.Outcome.ENDED);
        }
        String next = Tokens.newToken();
        if (registry.rotate(family.handle(), digest, Tokens.digest(next), now)) {
            return Refresh.rotated(new RefreshToken(next, family.handle(), family.user(),
                    Instant.ofEpochMilli(family.absoluteExpiresAt())));
        }
        // Lost a race: another refresh rotated this token first (then it is the one just replaced),
        // or the family ended in between.
        return registry.findSpent(digest).map(spent -> spentPresented(spent, ip))
                .orElse(Refresh.refused(Refresh.Outcome.ENDED));
    }

    private Refresh spentPresented(SpentToken.Spent spent, String ip) {
        Optional<SessionSnapshot> family = registry.findByHandle(spent.handle()).filter(f -> !f.revoked());
        if (family.isEmpty() || family.get().absoluteExpiresAt() <= clock.millis()) {
            return Refresh.refused(Refresh.Outcome.ENDED);
        }
        SessionSnapshot f = family.get();
        long grace = settings().refreshGrace().toMillis();
        if (spent.successorDigest().equals(f.tokenDigest()) && grace > 0 && clock.millis() - spent.spentAt() <= grace) {
            return Refresh.refused(Refresh.Outcome.SUPERSEDED);
        }
        terminator.end(f.handle(), Optional.of(f.tokenDigest()), EndReason.REFRESH_REUSE, ip);
        return Refresh.refused(Refresh.Outcome.REUSED);
    }

    private TokenSettings settings() {
        return configuration.settings().tokens();
    }

    private static boolean isFamily(SessionSnapshot s) {
        return s.purpose() == Purpose.REFRESH;
    }
}
