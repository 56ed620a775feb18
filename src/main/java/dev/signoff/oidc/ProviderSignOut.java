package dev.signoff.oidc;

import dev.signoff.config.Configuration;
import dev.signoff.config.OidcProvider;
import dev.signoff.web.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RP-Initiated Logout 1.0, out: where a browser goes after SignOff logged it out here, so that the
 * OpenID Provider it signed in through ends its session too — the provider's
 * {@code end_session_endpoint} with the login's ID token as {@code id_token_hint}, the client id, and
 * as {@code post_logout_redirect_uri} the provider's configured {@code post-logout} path on this
 * request's origin (never a value from the request, so never an open redirect). Only for a login of
 * Jakarta Security's OpenID Connect mechanism (its {@link OpenIdContext} holds the ID token) from a
 * configured provider with {@code post-logout}; read before the HttpSession that holds it ends.
 */
@ApplicationScoped
public class ProviderSignOut {
    private static final Logger LOG = Logger.getLogger(ProviderSignOut.class.getName());

    @Inject
    Configuration configuration;
    @Inject
    Providers providers;
    @Inject
    BeanManager beans;

    /** Whether the caller's session is a login of Jakarta Security's OpenID Connect mechanism. */
    public boolean openIdLogin() {
        return IdentityTokens.current(beans).isPresent();
    }

    /** The provider's end-session URL for the caller's login, when it has one to end. */
    public Optional<String> endSessionUrl(HttpServletRequest request) {
        Optional<IdentityToken> token = IdentityTokens.current(beans);
        Optional<OidcProvider> provider = token.flatMap(t -> t.getJwtClaims().getIssuer())
                .flatMap(issuer -> configuration.settings().oidc().provider(issuer))
                .filter(p -> p.postLogout().isPresent());
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        try {
            return providers.discovery(provider.get().issuer()).orElseThrow().endSessionEndpoint()
                    .map(endpoint -> url(endpoint, token.get().getToken(), provider.get(), request));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "SignOff: the provider's session is left: no end_session_endpoint of " + provider.get().issuer(), e);
            return Optional.empty();
        }
    }

    private static String url(URI endpoint, String idToken, OidcProvider provider, HttpServletRequest request) {
        String back = Requests.ownOrigin(request) + request.getContextPath() + provider.postLogout().orElseThrow();
        String e = endpoint.toString();
        return e + (e.contains("?") ? "&" : "?") + "id_token_hint=" + encode(idToken) + "&client_id=" + encode(provider.clientId())
                + "&post_logout_redirect_uri=" + encode(back);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
