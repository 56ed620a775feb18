package dev.signoff.demo;

import dev.signoff.SignOff;
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
 * A Bearer token is checked here, by the demo: its signature and expiry ({@link AccessTokens}),
 * then whether its family ({@code sid}) is still among the user's live sessions — one registry
 * read per request, until SignOff checks Bearer tokens itself (see the README's known limits).
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
    @Inject
    SignOff signOff;

    /** The caller's user name, or 401. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        Principal caller = security.getUserPrincipal();
        Optional<String> user;
        try {
            user = caller != null ? Optional.of(caller.getName()) : bearer();
        } catch (RuntimeException registryDown) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(Json.createObjectBuilder().add("error", "registry_unavailable").build())
                    .build();
        }
        if (user.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Json.createObjectBuilder().add("error", "unauthorized").build())
                    .build();
        }
        return Response.ok(Json.createObjectBuilder().add("user", user.get()).build()).build();
    }

    /** The user of a valid Bearer token whose family is live; empty otherwise. Fails closed when the registry does not answer. */
    private Optional<String> bearer() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return accessTokens.verify(authorization.substring(7).trim())
                .filter(claims -> signOff.list(claims.user()).stream().anyMatch(s -> s.handle().equals(claims.family())))
                .map(AccessTokens.Claims::user);
    }
}
