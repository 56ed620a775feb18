package dev.signoff.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import dev.signoff.config.OidcProvider;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A provider's signing keys, fetched by Nimbus from its JWKS URL — the configured one, or the
 * {@code jwks_uri} of its discovery document, read on first use. Nimbus caches the key set (5
 * minutes) and fetches it again, at most every 30 s, when a token names a key it does not hold (a
 * key rotation). Every fetch is bounded (2 s to connect, 2 s to read, 256 KiB): a provider that does
 * not answer costs a logout token its validity, never a request thread for long. A failed discovery
 * is tried again no sooner than {@link #RETRY_MILLIS} later, so a flood of tokens cannot make this
 * node flood the provider.
 */
final class ProviderKeys implements JWKSource<SecurityContext> {
    static final long RETRY_MILLIS = 10_000;
    private static final ResourceRetriever RETRIEVER = new DefaultResourceRetriever(2_000, 2_000, 256 * 1024);

    private final OidcProvider provider;
    private final Clock clock;
    private JWKSource<SecurityContext> keys;
    private long discoveryRetryAt;

    ProviderKeys(OidcProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return keys().get(selector, context);
    }

    private synchronized JWKSource<SecurityContext> keys() throws KeySourceException {
        if (keys == null) {
            URI jwks = provider.jwksUri().isPresent() ? provider.jwksUri().get() : discover();
            try {
                keys = JWKSourceBuilder.create(jwks.toURL(), RETRIEVER).retrying(false).build();
            } catch (IOException | IllegalArgumentException e) {
                throw new KeySourceException("not a usable jwks_uri: " + jwks, e);
            }
        }
        return keys;
    }

    /** The {@code jwks_uri} of the provider's discovery document, whose {@code issuer} must be the configured one. */
    private URI discover() throws KeySourceException {
        if (clock.millis() < discoveryRetryAt) {
            throw new KeySourceException("the discovery document of " + provider.issuer() + " failed moments ago");
        }
        try {
            Map<String, Object> document = JSONObjectUtils.parse(
                    RETRIEVER.retrieveResource(provider.discoveryUri().toURL()).getContent());
            if (!provider.issuer().equals(JSONObjectUtils.getString(document, "issuer"))) {
                throw new ParseException("its issuer is not " + provider.issuer(), 0);
            }
            URI jwks = JSONObjectUtils.getURI(document, "jwks_uri");
            if (jwks == null) {
                throw new ParseException("no jwks_uri", 0);
            }
            return jwks;
        } catch (IOException | ParseException | RuntimeException e) {
            discoveryRetryAt = clock.millis() + RETRY_MILLIS;
            throw new KeySourceException("discovery at " + provider.discoveryUri() + " failed: " + e.getMessage(), e);
        }
    }
}
