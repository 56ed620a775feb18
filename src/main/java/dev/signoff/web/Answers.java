package dev.signoff.web;

import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;

/**
 * The one place that answers a request SignOff does not let through, for pages and for JSON
 * clients alike. A page navigation ({@code GET} asking for HTML) is sent where it can sign in
 * again; anything else gets the {@link Problem} as JSON ({@code {"error","message",…}}), never
 * internals. Every answer carries {@code Cache-Control: no-store}.
 */
public final class Answers {
    private static final String JSON = "application/json;charset=UTF-8";

    private Answers() {
    }

    /**
     * The request's session has ended: a page goes to the login page (when {@code signoff.login-page}
     * is set) or back to the page it asked for; else {@code 401 session_ended} with the reason.
     */
    public static void sessionEnded(HttpServletRequest request, HttpServletResponse response, SignOffSettings settings,
                                    EndReason reason) throws IOException {
        if (isPageNavigation(request)) {
            seeOther(response, settings.signInAgainTarget(request.getContextPath(), Requests.requested(request)));
        } else {
            problem(response, Problem.SESSION_ENDED, "reason", reason.code());
        }
    }

    /** The caller is not signed in (as far as this request goes): a page goes back to itself, else {@code 401}. */
    public static void notSignedIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isPageNavigation(request)) {
            seeOther(response, Requests.requested(request));
        } else {
            problem(response, Problem.UNAUTHORIZED);
        }
    }

    /**
     * A login beyond the session limit, refused: a page goes to the login page with
     * {@code ?reason=session_limit} (or, without one, back to the page asked for); else {@code 409}.
     */
    public static void sessionLimit(HttpServletRequest request, HttpServletResponse response, SignOffSettings settings,
                                    int limit) throws IOException {
        if (isPageNavigation(request)) {
            seeOther(response, settings.loginPage()
                    .map(page -> request.getContextPath() + page + (page.contains("?") ? "&" : "?") + "reason=" + Problem.SESSION_LIMIT.code())
                    .orElseGet(() -> Requests.requested(request)));
        } else {
            problem(response, Problem.SESSION_LIMIT, "limit", limit);
        }
    }

    /**
     * A Bearer access token refused ({@link Problem#INVALID_TOKEN} or {@link Problem#TOKEN_REVOKED}):
     * {@code 401} JSON with the {@code WWW-Authenticate} challenge of RFC 6750.
     */
    public static void bearerRefused(HttpServletResponse response, Problem problem) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        problem(response, problem);
    }

    /** The registry cannot be asked: {@code 503} with {@code Retry-After}; the session is kept (fail closed). */
    public static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Problem.RETRY_AFTER_SECONDS);
        problem(response, Problem.REGISTRY_UNAVAILABLE);
    }

    /** A state-changing request from another site: {@code 403}, as JSON or as a line of text. */
    public static void crossSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Requests.wantsJson(request)) {
            problem(response, Problem.CROSS_SITE);
        } else {
            response.setStatus(Problem.CROSS_SITE.status());
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(Problem.CROSS_SITE.message() + "\n");
        }
    }

    /** {@code {"error","message",…more}} with the problem's status; {@code more} are name/value pairs. */
    public static void problem(HttpServletResponse response, Problem problem, Object... more) throws IOException {
        Object[] pairs = Arrays.copyOf(new Object[]{"error", problem.code(), "message", problem.message()}, 4 + more.length);
        System.arraycopy(more, 0, pairs, 4, more.length);
        write(response, problem.status(), Json.object(pairs));
    }

    /** A JSON body with this status, not to be cached. */
    public static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(JSON);
        response.getWriter().write(json);
    }

    /** A browser navigating to a page: {@code GET} asking for HTML (not JSON or XHR). */
    public static boolean isPageNavigation(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && Requests.wantsPage(request);
    }

    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Location", location);
    }
}
