package dev.signoff.api;

import dev.signoff.SignOff;
import dev.signoff.config.Configuration;
import dev.signoff.events.EndReason;
import dev.signoff.registry.Tokens;
import dev.signoff.web.Requests;
import dev.signoff.web.Routes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import static jakarta.ws.rs.core.Response.Status.BAD_REQUEST;
import static jakarta.ws.rs.core.Response.Status.FORBIDDEN;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;

/**
 * The JSON API, relative to {@code <prefix>/api}:
 * <pre>
 * GET    ""               the caller's live sessions and logOutAllUrl         401 anonymous
 * DELETE {handle}         end one of the caller's sessions: 204               400 malformed, 404 unknown or another user's
 * GET    users/{user}     a user's sessions                                    role signoff-admin, else 403
 * DELETE users/{user}     end all a user's sessions (an admin keeps their own current one): {"ended": n}
 * GET    introspection    routes and effective settings with their sources    role signoff-admin
 * </pre>
 * A DELETE from another origin ({@code Origin}, {@code Sec-Fetch-Site: cross-site}) is refused with
 * 403 before anything else. All the work is done by {@link SignOff}; this class only checks who asks
 * and words the answer. One root resource for all routes keeps the module's paths out of an app's
 * own resource tree when the app's application picks it up by scanning (see {@link SignOffApi}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {
    /** The role of the admin routes. */
    public static final String ADMIN_ROLE = "signoff-admin";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    SignOff signOff;
    @Inject
    Configuration configuration;
    @Context
    HttpServletRequest request;
    @Context
    HttpServletResponse response;
    @Context
    SecurityContext security;

    /** The caller's live sessions, the current one marked, and the caller's one-time logout-all link. */
    @GET
    public Response mine() {
        caller();
        return ok(SessionList.of(signOff.list(request), signOff.logOutAllUrl(request)));
    }

    /** Ends one of the caller's sessions; the current one is logged out completely (cookies too). */
    @DELETE
    @Path("{handle}")
    public Response end(@PathParam("handle") String handle) {
        refuseCrossSite();
        String user = caller();
        if (!Tokens.isHandle(handle)) {
            throw ApiError.MALFORMED_HANDLE.exception(BAD_REQUEST);
        }
        if (signOff.currentHandle(request).filter(handle::equals).isPresent()) {
            signOff.logOut(request, response);
        } else if (!signOff.logOut(user, handle)) {
            throw ApiError.NO_SUCH_SESSION.exception(NOT_FOUND);
        }
        return Response.noContent().cacheControl(NO_STORE).build();
    }

    /** A user's live sessions; the caller's own link only when the user is the caller. */
    @GET
    @Path("users/{user}")
    public Response ofUser(@PathParam("user") String user) {
        String admin = admin();
        checkUser(user);
        return ok(SessionList.of(signOff.list(user, request), admin.equals(user) ? signOff.logOutAllUrl(request) : null));
    }

    /** Ends all the user's sessions (reason admin); an admin ending their own keeps the current one. */
    @DELETE
    @Path("users/{user}")
    public Response endAllOf(@PathParam("user") String user) {
        refuseCrossSite();
        admin();
        checkUser(user);
        return ok(new Ended(signOff.logOutEverywhere(user, EndReason.ADMIN, signOff.currentHandle(request, user))));
    }

    /** The module's routes and every setting with its source. */
    @GET
    @Path("introspection")
    public Response introspection() {
        admin();
        return ok(Introspection.of(request.getContextPath(), configuration.loadedSettings()));
    }

    /**
     * Reached through anything but {@link SignOffApi}'s own servlet mapping (an app's application
     * that scanning gave this class, or the default path under another prefix), every route
     * answers 404 as if it were not there.
     */
    private void mounted() {
        String mounted = configuration.settings().prefix() + Routes.API;
        Object forwardedFrom = request.getAttribute(ApiForwardServlet.FORWARDED_SERVLET_PATH);
        if (forwardedFrom == null ? !mounted.equals(request.getServletPath()) : !mounted.equals(forwardedFrom)) {
            throw new NotFoundException();
        }
    }

    /** The signed-in caller, else 401. */
    private String caller() {
        mounted();
        return signOff.caller(request).orElseThrow(() -> ApiError.UNAUTHORIZED.exception(UNAUTHORIZED));
    }

    /** A request that changes state from another origin is refused before anything else is looked at. */
    private void refuseCrossSite() {
        mounted();
        if (Requests.isCrossSite(request, configuration.settings().crossSite())) {
            throw ApiError.CROSS_SITE.exception(FORBIDDEN);
        }
    }

    private String admin() {
        String user = caller();
        if (!security.isUserInRole(ADMIN_ROLE)) {
            throw ApiError.FORBIDDEN.exception(FORBIDDEN);
        }
        return user;
    }

    private static void checkUser(String user) {
        if (!validUser(user)) {
            throw ApiError.MALFORMED_USER.exception(BAD_REQUEST);
        }
    }

    /** A user name the registry can hold: see {@link UserNames#valid}. */
    static boolean validUser(String user) {
        return UserNames.valid(user);
    }

    private static Response ok(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).cacheControl(NO_STORE).build();
    }
}
