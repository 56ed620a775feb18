package dev.signoff.it;

import dev.signoff.SignOff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * An app that logs its users in through Keycloak with Jakarta Security's OpenID Connect mechanism and
 * has no SignOff code for it: {@code GET /app/me} (any signed-in user) answers the user and the
 * registry session SignOff bound, {@code /callback} is the redirect URI registered at Keycloak,
 * {@code /bye} where Keycloak sends the browser after a logout that ended its session too.
 */
@ApplicationScoped
@OpenIdAuthenticationMechanismDefinition(providerURI = Keycloak.ISSUER, clientId = "demo", clientSecret = "demo-secret",
        redirectURI = "${baseURL}/callback", redirectToOriginalResource = true)
public class OidcApp {

    @WebServlet("/app/me")
    @ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
    public static class Me extends HttpServlet {
        private static final long serialVersionUID = 1L;
        @Inject
        SignOff signOff;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write(request.getRemoteUser() + " " + signOff.currentHandle(request).orElse("unbound"));
        }
    }

    @WebServlet("/bye")
    public static class Bye extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("bye");
        }
    }

    @WebServlet("/callback")
    public static class Callback extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("callback " + request.getRemoteUser());
        }
    }
}
