package dev.signoff.tokens;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffResource;
import dev.signoff.config.TokenSettings;
import dev.signoff.registry.AccessRevocation;
import dev.signoff.registry.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Refuses Bearer access tokens that were revoked, deny-only: for the issuers of
 * {@code signoff.bearer.issuers} it reads the token's claims ({@link AccessClaims}) and refuses it
 * when its ({@code iss}, {@code jti}) was revoked, its refresh family ({@code sid}) has ended, or
 * it was issued at or before the user's latest log out everywhere — a token of the same second as
 * the log out is refused, not accepted. Everything else goes on to the app, whose mechanism checks
 * the signature. As cheap as the session check: the node keeps every record that still matters in
 * memory, reads new ones (any node's) at most once per staleness interval, and refuses the ones it
 * wrote itself at once; no database statement per request. A token's claims are read once and
 * kept (up to 4 096 tokens of at most 2 048 characters), so a client's repeated requests cost two
 * map look-ups.
 */
@ApplicationScoped
public class BearerGate {
    /** Records are read again this far back, so a writer's clock a little behind ours loses none. */
    private static final long OVERLAP_MILLIS = 60_000;
    private static final String SCHEME = "Bearer";
    /** Tokens whose reading is kept; a client sends the same one for minutes. Bounded: cleared when full. */
    private static final int READ_TOKENS = 4096;
    /** Longer tokens are read every time rather than kept (the cache's memory stays small). */
    private static final int KEPT_LENGTH = 2048;

    /** What the gate says of a request. */
    public enum Verdict {
        /** No Bearer token SignOff checks, or one it does not refuse: on to the app. */
        PASS,
        /** A Bearer token SignOff checks that is not a readable signed JWT, or lives longer than allowed. */
        MALFORMED,
        /** Revoked. */
        REVOKED
    }

    @Inject
    Configuration configuration;
    @Inject
    SessionRegistry registry;
    @Inject
    @SignOffResource
    Clock clock;

    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, Long> families = new ConcurrentHashMap<>();
    /** User → latest not-before (epoch ms). */
    private final Map<String, Long> users = new ConcurrentHashMap<>();
    /** Record → when it stops mattering, to forget it then. */
    private final Map<AccessRevocation.Entry, Long> expiries = new ConcurrentHashMap<>();
    /** Token → its claims (empty: malformed). A token's claims never change; only the records do. */
    private final Map<String, Optional<AccessClaims>> read = new ConcurrentHashMap<>();
    private final ReentrantLock reading = new ReentrantLock();
    private volatile long readAt = -1;

    /**
     * The verdict on a request's {@code Authorization} header (null when absent). Throws when the
     * registry cannot be reached and the records in memory are older than the staleness bound.
     */
    public Verdict check(String authorization) {
        TokenSettings settings = configuration.settings().tokens();
        if (!settings.checksBearer() || !isBearer(authorization)) {
            return Verdict.PASS;
        }
        return claims(authorization.substring(SCHEME.length()).trim())
                .map(claims -> verdict(claims, settings))
                .orElse(Verdict.MALFORMED);
    }

    /** The token's claims, parsed once per token (a JWT parse is the costly part of the check). */
    private Optional<AccessClaims> claims(String token) {
        if (token.length() > KEPT_LENGTH) {
            return AccessClaims.read(token);
        }
        Optional<AccessClaims> known = read.get(token);
        if (known != null) {
            return known;
        }
        if (read.size() >= READ_TOKENS) {
            read.clear();
        }
        Optional<AccessClaims> claims = AccessClaims.read(token);
        read.put(token, claims);
        return claims;
    }

    /** {@code Bearer <token>}, or the scheme alone (a client that sent no token: malformed too). */
    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (authorization.length() == SCHEME.length() || authorization.charAt(SCHEME.length()) == ' ');
    }

    private Verdict verdict(AccessClaims claims, TokenSettings settings) {
        if (!settings.bearerIssuers().contains(claims.issuer())) {
            return Verdict.PASS;
        }
        if (Duration.between(claims.issuedAt(), claims.expires()).compareTo(settings.bearerMaxLifetime()) > 0) {
            // Its revocation records would be purged before it expires.
            return Verdict.MALFORMED;
        }
        current();
        return revoked(claims) ? Verdict.REVOKED : Verdict.PASS;
    }

    private boolean revoked(AccessClaims claims) {
        Long notBefore = users.get(claims.subject());
        boolean issuedBefore = notBefore != null && claims.issuedAt().getEpochSecond() <= notBefore / 1000;
        return issuedBefore || tokens.containsKey(claims.key())
                || claims.family().filter(families::containsKey).isPresent();
    }

    /** Brings the records up to date: this node's own at once, every node's once per staleness interval. */
    private void current() {
        registry.drainAccessRevocationsWrittenHere().forEach(this::add);
        long now = clock.millis();
        if (readAt >= 0 && now - readAt < staleness()) {
            return;
        }
        reading.lock();
        try {
            if (readAt >= 0 && now - readAt < staleness()) {
                return;
            }
            read(now);
        } catch (RuntimeException e) {
            if (readAt < 0 || clock.millis() - readAt > staleness()) {
                throw e;
            }
        } finally {
            reading.unlock();
        }
    }

    private void read(long now) {
        List<AccessRevocation.Entry> records = readAt < 0 ? registry.liveAccessRevocations(now)
                : registry.accessRevocationsSince(readAt - OVERLAP_MILLIS);
        records.forEach(this::add);
        forgetExpired(now);
        readAt = now;
    }

    private void add(AccessRevocation.Entry e) {
        switch (e.kind()) {
            case TOKEN -> tokens.merge(e.subject(), e.revokedAt(), Math::max);
            case FAMILY -> families.merge(e.subject(), e.revokedAt(), Math::max);
            case USER -> users.merge(e.subject(), e.revokedAt(), Math::max);
        }
        expiries.put(e, e.expiresAt());
    }

    private void forgetExpired(long now) {
        expiries.entrySet().removeIf(x -> {
            if (x.getValue() > now) {
                return false;
            }
            AccessRevocation.Entry e = x.getKey();
            Map<String, Long> map = switch (e.kind()) {
                case TOKEN -> tokens;
                case FAMILY -> families;
                case USER -> users;
            };
            map.remove(e.subject(), e.revokedAt());
            return true;
        });
    }

    private long staleness() {
        return configuration.settings().staleness().toMillis();
    }
}
