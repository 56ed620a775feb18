package dev.signoff.it.legacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * App C: the app's own {@link HttpAuthenticationMechanism}, as many apps write one: credentials
 * posted to {@code /auth} (fields {@code u}, {@code p}), checked by the identity store, the login
 * then kept in the HttpSession by {@code @AutoApplySession}.
 */
@AutoApplySession
@ApplicationScoped
public class PostedCredentialsMechanism implements HttpAuthenticationMechanism {
    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/auth")) {
            String user = request.getParameter("u");
            String password = request.getParameter("p");
            if (user == null || password == null) {
                return context.responseUnauthorized();
            }
            return context.notifyContainerAboutLogin(identityStores.validate(new UsernamePasswordCredential(user, password)));
        }
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }
}
