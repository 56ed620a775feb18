package dev.signoff.filter;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/** The node's {@link ValidityCache} over the JPA registry; one per application. */
@ApplicationScoped
public class SessionChecker {
    @Inject
    Configuration configuration;
    @Inject
    SessionRegistry registry;

    private ValidityCache cache;

    @PostConstruct
    void init() {
        SignOffSettings s = configuration.settings();
        cache = new ValidityCache(new ValidityCache.Store() {
            @Override
            public Optional<SessionSnapshot> load(String digest) {
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
        }, configuration.clock(), s.staleness(), s.idleTimeout(), s.lastSeenInterval());
    }

    /** Checks a session by token digest; throws when the registry is unavailable and the cache may not answer. */
    public Verdict check(String digest) {
        return cache.check(digest);
    }

    /** Makes this node refuse the session from now on. */
    public void markRevoked(String digest, EndReason reason) {
        cache.markRevoked(digest, reason);
    }
}
