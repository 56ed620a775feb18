package dev.signoff.oidc;

import dev.signoff.config.Configuration;
import dev.signoff.config.OidcProvider;
import dev.signoff.config.OidcSettings;
import dev.signoff.config.SignOffResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured OpenID Providers as this node knows them: each one's discovery document and keys,
 * made on first use (the settings never change) and shared by the back-channel receiver and the
 * provider sign-out.
 */
@ApplicationScoped
public class Providers {
    @Inject
    Configuration configuration;
    @Inject
    @SignOffResource
    Clock clock;
    private Map<String, Discovery> discoveries;
    private LogoutTokens tokens;

    /** The checker of logout tokens of every configured provider. */
    synchronized LogoutTokens logoutTokens() {
        if (tokens == null) {
            tokens = new LogoutTokens(settings(), discoveries(), clock);
        }
        return tokens;
    }

    /** The discovery document of the configured provider with this issuer. */
    synchronized Optional<Discovery> discovery(String issuer) {
        return Optional.ofNullable(discoveries().get(issuer));
    }

    private Map<String, Discovery> discoveries() {
        if (discoveries == null) {
            discoveries = new HashMap<>();
            for (OidcProvider p : settings().providers()) {
                discoveries.put(p.issuer(), new Discovery(p, clock));
            }
        }
        return discoveries;
    }

    private OidcSettings settings() {
        return configuration.settings().oidc();
    }
}
