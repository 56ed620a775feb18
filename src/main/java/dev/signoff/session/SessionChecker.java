package dev.signoff.session;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffResource;
import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import dev.signoff.metrics.Meter;
import dev.signoff.metrics.SignOffMetrics;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The node's {@link ValidityCache} over the JPA registry; one per application. */
@ApplicationScoped
public class SessionChecker {
    @Inject
    Configuration configuration;
    @Inject
    SessionRegistry registry;
    @Inject
    SignOffMetrics metrics;
    @Inject
    @SignOffResource
    Clock clock;

    private ValidityCache cache;
    private Meter meter;

    @PostConstruct
    void init() {
        SignOffSettings s = configuration.settings();
        meter = metrics.meter();
        cache = new ValidityCache(new ValidityCache.Store() {
            @Override
            public Optional<SessionSnapshot> load(String digest) {
                metrics.cacheLoad();
                return registry.findByDigest(digest);
            }

            @Override
            public boolean touch(String handle, long now, long idleExpiresAt) {
                return registry.touch(handle, now, idleExpiresAt);
            }

            @Override
            public Map<String, EndReason> revokedSince(long since) {
                return registry.revokedSince(since);
            }
        }, clock, new ValidityCache.Timing(s.staleness(), s.idleTimeout(), s.lastSeenInterval(),
                s.servesKnownWhenRegistryDown()));
    }

    /** Another node announced a revocation: the next check reads the revocation feed ({@code RevocationPush}). */
    public void feedIsStale() {
        cache.feedIsStale();
    }

    /** Checks a session by token digest; throws when the registry is unavailable and the cache may not answer. */
    public Verdict check(String digest) {
        long start = System.nanoTime();
        try {
            return cache.check(digest);
        } finally {
            meter.checked(System.nanoTime() - start);
        }
    }

    /** Checks a session like {@link #check} without counting it as the user's activity (idle timeout). */
    public Verdict peek(String digest) {
        return cache.peek(digest);
    }

    /** Makes this node refuse the session from now on. */
    public void markRevoked(String digest, EndReason reason) {
        cache.markRevoked(digest, reason);
    }
}
