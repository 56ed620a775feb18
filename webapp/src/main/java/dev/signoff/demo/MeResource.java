package dev.signoff.demo;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * {@code GET /api/me}: who the caller is, as JSON.
 *
 * <pre>{@code
 * 200 {"user":"alice"}                       signed in (session cookie)
 * 401 {"error":"unauthorized"}               anonymous, or the session was ended
 * }</pre>
 * {@code /api/*} is not protected in {@code web.xml}, so that an anonymous caller gets this JSON
 * {@code 401} rather than a redirect to the HTML login page.
 */
@Path("me")
@RequestScoped
public class MeResource {
    @Context
    SecurityContext security;

    /** The caller's user name, or 401. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        Principal caller = security.getUserPrincipal();
        if (caller == null) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Json.createObjectBuilder().add("error", "unauthorized").build())
                    .build();
        }
        return Response.ok(Json.createObjectBuilder().add("user", caller.getName()).build()).build();
    }
}
