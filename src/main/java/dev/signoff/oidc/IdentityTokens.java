package dev.signoff.oidc;

import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;

import java.util.Optional;

/**
 * The ID token of the current session's login by Jakarta Security's OpenID Connect mechanism, if it
 * is one. Asks the bean's context for an instance that exists already and never makes one: merely
 * resolving {@link OpenIdContext} would create the (session-scoped) bean in the HttpSession of every
 * login, also of apps without that mechanism — and on a cluster that replicates sessions, the other
 * node then fails to deserialize it (Payara: Soteria's controller proxy, WELD-001500).
 */
final class IdentityTokens {
    private IdentityTokens() {
    }

    /** The ID token; empty also without a bean manager (outside a container: unit tests). */
    static Optional<IdentityToken> current(BeanManager beans) {
        if (beans == null) {
            return Optional.empty();
        }
        try {
            Bean<?> bean = beans.resolve(beans.getBeans(OpenIdContext.class));
            if (bean == null) {
                return Optional.empty();
            }
            Context context = beans.getContext(bean.getScope());
            Object existing = context.isActive() ? context.get(bean) : null;
            return existing instanceof OpenIdContext openId ? Optional.ofNullable(openId.getIdentityToken()) : Optional.empty();
        } catch (RuntimeException e) {
            // An ambiguous or unusable bean, or no OpenID login in this session.
            return Optional.empty();
        }
    }
}
