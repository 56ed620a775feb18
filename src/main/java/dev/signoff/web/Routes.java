package dev.signoff.web;

/**
 * The module's paths under its prefix ({@code signoff.prefix}, default {@code /sessions}) and the
 * request attributes its parts hand each other: here, so that the part that registers a route, the
 * filter that treats it specially and the servlet that serves it name it alike without importing
 * each other.
 */
public final class Routes {
    /** {@code POST|DELETE}: end the caller's session. */
    public static final String LOG_OUT = "/log_out";
    /** {@code POST|DELETE}: end all the caller's sessions ({@code keep_current=true} keeps this one). */
    public static final String LOG_OUT_ALL = "/log_out/all";
    /** {@code GET} with the one-time token: the same, for server-side redirects. */
    public static final String LOG_OUT_ALL_GET = "/log_out/all/get";
    /** The JSON API's path under the prefix. */
    public static final String API = "/api";
    /** The JSON API's {@code @ApplicationPath}: the default prefix plus {@link #API}. */
    public static final String API_DEFAULT_PATH = "/sessions" + API;
    /** {@code GET}: the server-sent event stream of the caller's session. */
    public static final String EVENTS = "/api/events";
    /** {@code GET}: the browser script. */
    public static final String SCRIPT = "/signoff.js";
    /** {@code POST}: OpenID Connect back-channel logout tokens from the configured providers. */
    public static final String BACKCHANNEL_LOGOUT = "/oidc/backchannel-logout";
    /** The error page an app may map for its server's own 5xx ({@code ContainerErrorPage}). */
    public static final String SERVER_ERROR = "/server_error";

    /**
     * Request attribute (an {@code EndReason}) the filter sets when it has just ended the session of a
     * request to the event stream, which it then lets through, so the page learns why.
     */
    public static final String ENDED_ATTRIBUTE = "dev.signoff.ended";

    /**
     * Request attribute (a URL) a logout sets when the caller's OpenID Provider session is to end too:
     * the logout route sends pages there, and names it to JSON clients in {@link #PROVIDER_LOGOUT_HEADER}.
     */
    public static final String PROVIDER_LOGOUT_ATTRIBUTE = "dev.signoff.provider-logout";
    /** The header of a JSON logout's {@code 204} that names the provider's end-session URL. */
    public static final String PROVIDER_LOGOUT_HEADER = "SignOff-Provider-Logout";

    private Routes() {
    }
}
