package dev.signoff.demo;

import dev.signoff.RefreshTokens;
import dev.signoff.SignOffException;
import dev.signoff.tokens.Refresh;
import dev.signoff.tokens.RefreshToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The demo's token routes for API clients, as in the contract:
 *
 * <pre>{@code
 * POST /api/token          username, password  200 {"access_token","refresh_token","token_type":"Bearer","expires_in"}
 * POST /api/token/refresh  refresh_token       200 a new pair; the presented refresh token is spent
 *                                              401 {"error":"refresh_superseded"|"refresh_reused"|"refresh_ended"|"refresh_unknown"}
 * }</pre>
 * Wrong credentials get {@code 401 invalid_credentials}; the registry down gets
 * {@code 503 registry_unavailable} (nothing issued). Refresh tokens come from SignOff's
 * {@link RefreshTokens}; access tokens are the demo's own ({@link AccessTokens}).
 */
@Path("token")
@RequestScoped
public class TokenResource {
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    AccessTokens accessTokens;
    @Inject
    DemoUsers users;
    @Context
    HttpServletRequest request;

    /** Signs in with a password: the first pair of a new family. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("username") String username, @FormParam("password") String password) {
        if (username == null || password == null || username.isEmpty()) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", "username and password are required.");
        }
        CredentialValidationResult result = users.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return error(Response.Status.UNAUTHORIZED, "invalid_credentials", "Wrong user name or password.");
        }
        try {
            return pair(refreshTokens.issue(result.getCallerPrincipal().getName(), request));
        } catch (SignOffException e) {
            return unavailable();
        }
    }

    /** Spends a refresh token: the next pair, or why not. */
    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh(@FormParam("refresh_token") String presented) {
        try {
            Refresh r = refreshTokens.refresh(presented, request);
            if (r.rotated()) {
                return pair(r.next().orElseThrow());
            }
            return error(Response.Status.UNAUTHORIZED, r.outcome().code(), "Sign in again.");
        } catch (SignOffException e) {
            return unavailable();
        }
    }

    private Response pair(RefreshToken refresh) {
        return Response.ok(Json.createObjectBuilder()
                        .add("access_token", accessTokens.issue(refresh.user(), refresh.handle()))
                        .add("refresh_token", refresh.token())
                        .add("token_type", "Bearer")
                        .add("expires_in", AccessTokens.LIFETIME.toSeconds())
                        .build())
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Response unavailable() {
        return error(Response.Status.SERVICE_UNAVAILABLE, "registry_unavailable", "Try again shortly.");
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build())
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .build();
    }
}
