package dev.signoff.filter;

import dev.signoff.config.SignOffSettings;
import dev.signoff.cookies.CookieDeleter;
import dev.signoff.cookies.SessionCookieHeader;
import dev.signoff.login.LoginCookies;
import dev.signoff.login.LoginRequest;
import dev.signoff.session.Bindings;
import dev.signoff.session.SessionBinding;
import dev.signoff.tokens.RememberMeResponse;
import dev.signoff.web.Routes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * One request on its way through the filter: what it came with (principal, registry binding) and
 * where it is going. The binding is read once, when the visit starts, and dropped when the filter
 * ends or replaces it.
 */
final class Visit {
    final HttpServletRequest request;
    final HttpServletResponse response;
    final SignOffSettings settings;
    /** The path relative to the context root, decoded and normalized by the container. */
    final String path;
    /** A request of the event stream: not the user's activity, and told rather than refused. */
    final boolean events;
    private final FilterChain chain;
    private Principal principal;
    private Optional<SessionBinding> binding = Optional.empty();

    Visit(HttpServletRequest request, HttpServletResponse response, FilterChain chain, SignOffSettings settings, String path) {
        this.request = request;
        this.response = response;
        this.chain = chain;
        this.settings = settings;
        this.path = path;
        this.events = path.equals(settings.prefix() + Routes.EVENTS);
    }

    /** The container's decoded, normalized path: path parameters ({@code ;x.css}) cannot fake an exclusion. */
    static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /**
     * Sets a header of the answer; one it does not have yet is added rather than set: GlassFish's
     * {@code setHeader} compiles two regular expressions per call to check the name and value (in
     * FilterOverheadBench's profile, 3 % of a small request's time, most of what the filter cost),
     * {@code addHeader} does not. SignOff's values are checked when the settings are read.
     */
    static void header(HttpServletResponse response, String name, String value) {
        if (response.containsHeader(name)) {
            response.setHeader(name, value);
        } else {
            response.addHeader(name, value);
        }
    }

    /**
     * A logout through SignOff's routes ({@code POST|DELETE log_out}, {@code log_out/all}): it must
     * work while the registry is down, since its steps end the session here and queue the rest.
     */
    boolean logout() {
        String method = request.getMethod();
        return ("POST".equals(method) || "DELETE".equals(method))
                && (path.equals(settings.prefix() + Routes.LOG_OUT) || path.equals(settings.prefix() + Routes.LOG_OUT_ALL));
    }

    /** Nothing to check: no HttpSession, no login cookie. */
    boolean untracked() {
        return request.getSession(false) == null && !LoginCookies.carried(request, settings.loginCookies());
    }

    /** Reads who the request is and which registry session it belongs to. */
    void identify() {
        principal = request.getUserPrincipal();
        binding = Bindings.of(request);
    }

    Optional<String> user() {
        return Optional.ofNullable(principal).map(Principal::getName);
    }

    Optional<SessionBinding> binding() {
        return binding;
    }

    void unbound() {
        binding = Optional.empty();
    }

    /** The registry session just opened for the request's login. */
    void identifyBinding(SessionBinding opened) {
        binding = Optional.of(opened);
    }

    /**
     * Passes the request on to the app, whose programmatic logins then change the session id at once;
     * afterwards the cookies the app's code had set get the SameSite the server left out.
     */
    void proceed() throws IOException, ServletException {
        chain.doFilter(new LoginRequest(request), response);
        // Cookies the app's code made the server set (a new HttpSession, a login's remember-me cookie)
        // get the SameSite the server left out (GlassFish, Payara: they are among the headers still).
        // Most answers set no cookie: then nothing is read or built.
        if (!response.isCommitted() && response.containsHeader("Set-Cookie")
                && SessionCookieHeader.serverDropsSameSite(request.getServletContext())) {
            SessionCookieHeader.complete(response, CookieDeleter.sessionCookie(request.getServletContext()));
            RememberMeResponse.completeHeaders(response, Optional.of(settings.sessionCookieSameSite()));
        }
    }

    /** Passes the request on as it is (an ended session's request to the login page or the event stream). */
    void proceedAsIs() throws IOException, ServletException {
        chain.doFilter(request, response);
    }
}
