package dev.signoff.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Optional;

/**
 * {@code GET /api/me}: who the caller is, as JSON.
 *
 * <pre>{@code
 * 200 {"user":"alice"}                       signed in (session cookie), or Authorization: Bearer <access token>
 * 401 {"error":"unauthorized"}               anonymous, the session was ended, the token is invalid,
 *                                            expired, or its refresh-token family has ended
 * }</pre>
 * A Bearer token's signature and expiry are checked here, by the demo ({@link AccessTokens});
 * SignOff's filter has refused it before if it was revoked (log out everywhere, its refresh family
 * ended: {@code signoff.bearer.issuers} in {@code web.xml}), with {@code 401 token_revoked}.
 * {@code /api/*} is not protected in {@code web.xml}, so that an anonymous caller gets this JSON
 * {@code 401} rather than a redirect to the HTML login page.
 */
@Path("me")
@RequestScoped
public class MeResource {
    @Context
    SecurityContext security;
    @Context
    HttpHeaders headers;
    @Inject
    AccessTokens accessTokens;

    /** The caller's user name, or 401. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        Principal caller = security.getUserPrincipal();
        Optional<String> user = caller != null ? Optional.of(caller.getName()) : bearer();
        if (user.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Json.createObjectBuilder().add("error", "unauthorized").build())
                    .build();
        }
        return Response.ok(Json.createObjectBuilder().add("user", user.get()).build()).build();
    }

    /** The user of a Bearer token the demo signed and that has not expired; empty otherwise. */
    private Optional<String> bearer() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return accessTokens.verify(authorization.substring(7).trim()).map(AccessTokens.Claims::user);
    }
}
