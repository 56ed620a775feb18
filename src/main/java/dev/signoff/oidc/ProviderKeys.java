package dev.signoff.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

import java.io.IOException;
import java.util.List;

/**
 * A provider's signing keys, fetched by Nimbus from its JWKS URL ({@link Discovery#jwksUri}). Nimbus
 * caches the key set (5 minutes) and fetches it again, at most every 30 s, when a token names a key
 * it does not hold (a key rotation); each fetch is bounded like the discovery document's.
 */
final class ProviderKeys implements JWKSource<SecurityContext> {
    private final Discovery discovery;
    private JWKSource<SecurityContext> keys;

    ProviderKeys(Discovery discovery) {
        this.discovery = discovery;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return keys().get(selector, context);
    }

    private synchronized JWKSource<SecurityContext> keys() throws KeySourceException {
        if (keys == null) {
            try {
                keys = JWKSourceBuilder.create(discovery.jwksUri().toURL(), Discovery.RETRIEVER).retrying(false).build();
            } catch (IOException | IllegalArgumentException e) {
                throw new KeySourceException("no usable keys of " + discovery.provider().issuer() + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }
}
