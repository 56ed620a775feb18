package dev.signoff.tokens;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffResource;
import dev.signoff.config.TokenSettings;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.registry.NewSession;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.SpentToken;
import dev.signoff.registry.Tokens;
import dev.signoff.session.SessionOpener;
import dev.signoff.session.Terminator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Remember-me tokens in the registry: one session of purpose {@code remember_me} per device, listed
 * with the user's sessions and ended like them. A token is split: {@code <handle>.<validator>} —
 * the handle (public, as in the session list) finds the row; of the validator only the digest is
 * stored, compared in constant time. Used, it is rotated, at most once per
 * {@code signoff.remember-me.grace}, and the value it replaced still signs in for that long, so
 * parallel requests, restored tabs and slow logins that present it are not mistaken for theft
 * (Spring's false alarms). A value older than that, presented again, is theft: someone else has a
 * copy, and every session of the user ends (reason {@code theft}); the request is not signed in.
 */
@ApplicationScoped
public class RememberMeTokens {
    private static final Logger LOG = Logger.getLogger(RememberMeTokens.class.getName());

    /**
     * A remember-me login: who, with which groups, and — when this use rotated the token — the
     * cookie value the client must get instead of the one it sent.
     *
     * @param user   the user
     * @param groups the groups stored at the login
     * @param handle the remember-me session's handle
     * @param next   the rotated cookie value, when this use rotated it
     * @param expires when the token ends
     */
    public record Remembered(String user, Set<String> groups, String handle, Optional<String> next, Instant expires) {
        @Override
        public String toString() {
            return "Remembered[user=" + user + ", handle=" + handle + ", rotated=" + next.isPresent() + "]";
        }
    }

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

    /** A new remember-me token for the user's login on this device: the cookie value. Throws when the registry cannot be reached. */
    public String issue(String user, Set<String> groups, String ip, String userAgent) {
        String validator = Tokens.newToken();
        long now = clock.millis();
        long end = now + settings().rememberMeLifetime().toMillis();
        SessionSnapshot row = registry.openRemembered(new NewSession(Tokens.newHandle(), Tokens.digest(validator), user,
                Purpose.REMEMBER_ME, now, end, end, ip, userAgent), groups);
        opener.announce(row);
        return row.handle() + "." + validator;
    }

    /** Whether a cookie value has the shape of one of these tokens (so a logout can find the cookie). */
    public static boolean isToken(String value) {
        return value != null && value.length() == 22 + 1 + 43 && value.charAt(22) == '.'
                && Tokens.isHandle(value.substring(0, 22)) && Tokens.isToken(value.substring(23));
    }

    /** The login a presented cookie value stands for, rotating it when due; empty when it signs nobody in. */
    public Optional<Remembered> validate(String value, String ip) {
        if (!isToken(value)) {
            return Optional.empty();
        }
        String handle = value.substring(0, 22);
        String digest = Tokens.digest(value.substring(23));
        Optional<SessionSnapshot> row = registry.findByHandle(handle).filter(s -> s.purpose() == Purpose.REMEMBER_ME);
        if (row.isEmpty() || row.get().revoked()) {
            return Optional.empty();
        }
        SessionSnapshot s = row.get();
        long now = clock.millis();
        if (s.absoluteExpiresAt() <= now) {
            terminator.endExpired(handle, s.tokenDigest(), EndReason.ABSOLUTE_TIMEOUT);
            return Optional.empty();
        }
        if (sameDigest(digest, s.tokenDigest())) {
            return Optional.of(current(s, digest, now));
        }
        return registry.findSpent(digest).filter(spent -> spent.handle().equals(handle))
                .flatMap(spent -> previous(s, spent, now, ip));
    }

    /**
     * Ends the device's remember-me token the presented value belongs to (its logout); false when
     * there is none. Only the value itself ends it — the current one, or the one just replaced —
     * never its handle alone: handles are public (every session list shows them).
     */
    public boolean remove(String value, String ip) {
        if (!isToken(value)) {
            return false;
        }
        String handle = value.substring(0, 22);
        String digest = Tokens.digest(value.substring(23));
        long now = clock.millis();
        return registry.findByHandle(handle).filter(s -> s.purpose() == Purpose.REMEMBER_ME && !s.revoked())
                .filter(s -> sameDigest(digest, s.tokenDigest()) || registry.findSpent(digest)
                        .filter(spent -> spent.handle().equals(handle) && justReplaced(s, spent, now)).isPresent())
                .map(s -> terminator.end(handle, Optional.of(s.tokenDigest()), EndReason.LOGOUT, ip).ended() > 0)
                .orElse(false);
    }

    /** The current value: rotated unless it was within the grace window (or another request rotated it just now). */
    private Remembered current(SessionSnapshot s, String digest, long now) {
        Set<String> groups = registry.rememberedGroups(s.handle());
        if (now - s.lastSeenAt() < settings().rememberMeGrace().toMillis()) {
            return new Remembered(s.user(), groups, s.handle(), Optional.empty(), s.expires());
        }
        String next = Tokens.newToken();
        boolean rotated = registry.rotate(s.handle(), digest, Tokens.digest(next), now);
        return new Remembered(s.user(), groups, s.handle(), rotated ? Optional.of(s.handle() + "." + next) : Optional.empty(),
                s.expires());
    }

    /** A value the token had before: the one just replaced signs in within the grace window; any other is theft. */
    private Optional<Remembered> previous(SessionSnapshot s, SpentToken.Spent spent, long now, String ip) {
        if (justReplaced(s, spent, now)) {
            return Optional.of(new Remembered(s.user(), registry.rememberedGroups(s.handle()), s.handle(), Optional.empty(),
                    s.expires()));
        }
        LOG.warning(() -> "SignOff: a replaced remember-me token of " + s.user() + " was presented again from " + ip
                + " (theft suspected): every session of the user ends");
        terminator.endAll(s.user(), Optional.empty(), Purpose.SIGN_IN, EndReason.THEFT, ip);
        return Optional.empty();
    }

    /** The spent value is the one the token's current value replaced, within the grace window. */
    private boolean justReplaced(SessionSnapshot s, SpentToken.Spent spent, long now) {
        return spent.successorDigest().equals(s.tokenDigest()) && now - spent.spentAt() <= settings().rememberMeGrace().toMillis();
    }

    private TokenSettings settings() {
        return configuration.settings().tokens();
    }

    private static boolean sameDigest(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
