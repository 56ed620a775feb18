package dev.signoff.oidc;

import dev.signoff.config.Configuration;
import dev.signoff.events.Purpose;
import dev.signoff.events.SessionStarted;
import dev.signoff.registry.ProviderSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records, when a login session starts, the OpenID Provider session it came from: the {@code iss},
 * {@code sid} and {@code sub} of the ID token Jakarta Security's OpenID Connect mechanism
 * ({@code @OpenIdAuthenticationMechanismDefinition}) received, read from its {@link OpenIdContext}.
 * Only for a configured provider; an app without that mechanism records nothing here (an app with
 * an OpenID client of its own tells SignOff with {@code SignOff.linkProviderSession}).
 */
@ApplicationScoped
public class ProviderLogins {
    private static final Logger LOG = Logger.getLogger(ProviderLogins.class.getName());

    @Inject
    Configuration configuration;
    @Inject
    ProviderSessions providerSessions;
    @Inject
    BeanManager beans;

    void onStarted(@Observes SessionStarted started) {
        if (!Purpose.SESSION.code().equals(started.purpose()) || configuration.settings().oidc().providers().isEmpty()) {
            return;
        }
        IdentityTokens.current(beans).map(IdentityToken::getJwtClaims).ifPresent(claims -> link(started.handle(), claims));
    }

    /** Links the registry session to the provider session named by these ID token claims, if from a configured provider. */
    private void link(String handle, JwtClaims claims) {
        Optional<String> issuer = claims.getIssuer().filter(i -> configuration.settings().oidc().provider(i).isPresent());
        Optional<String> subject = claims.getSubject();
        if (issuer.isEmpty() || subject.isEmpty()) {
            return;
        }
        try {
            providerSessions.link(handle, issuer.get(), claims.getStringClaim("sid"), subject.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SignOff: could not record the provider session of session " + handle
                    + "; a back-channel logout will not reach it", e);
        }
    }
}
