package dev.signoff.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The OpenID Connect back-channel logout receiver's settings.
 *
 * @param providers the providers whose logout tokens are accepted; empty: the route answers every
 *                  token 400
 * @param iatSkew   how far a logout token's {@code iat} may lie from now, either way; its {@code jti}
 *                  is remembered at least this long, so a replay is refused while the token is fresh
 */
public record OidcSettings(List<OidcProvider> providers, Duration iatSkew) {
    public OidcSettings {
        providers = List.copyOf(providers);
    }

    /** The provider whose tokens carry this {@code iss}. */
    public Optional<OidcProvider> provider(String issuer) {
        return providers.stream().filter(p -> p.issuer().equals(issuer)).findFirst();
    }
}
