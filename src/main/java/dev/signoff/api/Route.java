package dev.signoff.api;

import dev.signoff.web.Routes;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * One HTTP route of the module, as introspection and the start-up log show it.
 *
 * @param methods     HTTP methods
 * @param path        full path, context root included, e.g. {@code /shop/sessions/log_out}
 * @param role        role a caller needs, or {@code null} for any caller
 * @param description what it does
 */
@JsonbNillable
@JsonbPropertyOrder({"methods", "path", "role", "description"})
public record Route(List<String> methods, String path, String role, String description) {
    public Route {
        methods = List.copyOf(methods);
    }

    /**
     * Every route the module serves in an app at {@code contextPath} with route prefix {@code prefix}
     * (the back-channel logout receiver only when a provider is configured).
     * One list, so introspection and the start-up log cannot disagree with each other.
     */
    public static List<Route> all(String contextPath, String prefix, boolean backchannelLogout) {
        List<Route> routes = new java.util.ArrayList<>(always(contextPath + prefix));
        if (backchannelLogout) {
            routes.add(new Route(List.of("POST"), contextPath + prefix + Routes.BACKCHANNEL_LOGOUT, null,
                    "OpenID Connect back-channel logout tokens of signoff.oidc.providers (form logout_token)"));
        }
        return List.copyOf(routes);
    }

    private static List<Route> always(String p) {
        String api = p + Routes.API;
        return List.of(
                new Route(List.of("POST", "DELETE"), p + Routes.LOG_OUT, null, "end the caller's session"),
                new Route(List.of("POST", "DELETE"), p + Routes.LOG_OUT_ALL, null,
                        "end all the caller's sessions (keep_current=true keeps this one)"),
                new Route(List.of("GET"), p + Routes.LOG_OUT_ALL_GET, null,
                        "the same with the one-time token of logOutAllUrl; else a confirmation page"),
                new Route(List.of("GET"), api, null, "the caller's live sessions (JSON)"),
                new Route(List.of("DELETE"), api + "/{handle}", null, "end one of the caller's sessions"),
                new Route(List.of("GET", "DELETE"), api + "/users/{user}", SessionsResource.ADMIN_ROLE,
                        "list / end all sessions of a user"),
                new Route(List.of("GET"), api + "/introspection", SessionsResource.ADMIN_ROLE,
                        "routes and effective settings with their sources"),
                new Route(List.of("GET"), p + Routes.EVENTS, null,
                        "server-sent events: 'revoked' when the caller's session ends (?poll: one JSON answer)"),
                new Route(List.of("GET"), p + Routes.SCRIPT, null,
                        "signoff.js: live sign-out, logout buttons, client cleanup"));
    }

    /** {@code POST,DELETE /ctx/sessions/log_out (role) – description}, for the log. */
    String line() {
        return String.join(",", methods) + " " + path + (role == null ? "" : " [" + role + "]") + " - " + description;
    }
}
