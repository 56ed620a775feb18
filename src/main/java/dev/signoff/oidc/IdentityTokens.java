package dev.signoff.oidc;

import jakarta.enterprise.inject.Instance;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;

import java.util.Optional;

/** The ID token of the current session's login by Jakarta Security's OpenID Connect mechanism, if it is one. */
final class IdentityTokens {
    private IdentityTokens() {
    }

    static Optional<IdentityToken> current(Instance<OpenIdContext> openId) {
        try {
            return openId.isResolvable() ? Optional.ofNullable(openId.get().getIdentityToken()) : Optional.empty();
        } catch (RuntimeException e) {
            // No session context (a session started outside a request), or no OpenID login in this session.
            return Optional.empty();
        }
    }
}
