package dev.signoff.oidc;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import dev.signoff.config.OidcProvider;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's discovery document (OpenID Connect Discovery 1.0), read on first use and kept: its
 * {@code issuer} must be the configured one. Every fetch is bounded (2 s to connect, 2 s to read,
 * 256 KiB): a provider that does not answer costs a request its answer, never a thread for long. A
 * failed read is tried again no sooner than {@link #RETRY_MILLIS} later, so a flood of tokens
 * cannot make this node flood the provider.
 */
final class Discovery {
    static final long RETRY_MILLIS = 10_000;
    static final ResourceRetriever RETRIEVER = new DefaultResourceRetriever(2_000, 2_000, 256 * 1024);

    private final OidcProvider provider;
    private final Clock clock;
    private Map<String, Object> document;
    private long retryAt;

    Discovery(OidcProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    OidcProvider provider() {
        return provider;
    }

    /** Where the provider's signing keys are: the configured {@code jwks-uri}, else the document's {@code jwks_uri}. */
    URI jwksUri() throws IOException {
        if (provider.jwksUri().isPresent()) {
            return provider.jwksUri().get();
        }
        return uri("jwks_uri").orElseThrow(() -> new IOException(provider.discoveryUri() + " names no jwks_uri"));
    }

    /** The provider's {@code end_session_endpoint} (RP-Initiated Logout 1.0), if it has one. */
    Optional<URI> endSessionEndpoint() throws IOException {
        return uri("end_session_endpoint");
    }

    private Optional<URI> uri(String name) throws IOException {
        try {
            return Optional.ofNullable(JSONObjectUtils.getURI(document(), name));
        } catch (ParseException e) {
            throw new IOException(name + " of " + provider.discoveryUri() + " is not a URL", e);
        }
    }

    private synchronized Map<String, Object> document() throws IOException {
        if (document != null) {
            return document;
        }
        if (clock.millis() < retryAt) {
            throw new IOException("the discovery document of " + provider.issuer() + " failed moments ago");
        }
        try {
            Map<String, Object> read = JSONObjectUtils.parse(RETRIEVER.retrieveResource(provider.discoveryUri().toURL()).getContent());
            if (!provider.issuer().equals(JSONObjectUtils.getString(read, "issuer"))) {
                throw new ParseException("its issuer is not " + provider.issuer(), 0);
            }
            document = read;
            return read;
        } catch (IOException | ParseException | RuntimeException e) {
            retryAt = clock.millis() + RETRY_MILLIS;
            throw new IOException("discovery at " + provider.discoveryUri() + " failed: " + e.getMessage(), e);
        }
    }
}
