package dev.signoff.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * Refuses cross-site state-changing requests to the demo's own routes with {@code 403}, before
 * any servlet runs: the CSRF defence of the account forms, "sign out this device" and the login
 * form (a forged login would sign the victim into the attacker's account).
 *
 * <p>The module's routes ({@code /sessions/log_out} …) defend themselves with the same rule, so
 * they are not mapped here. The rule, in {@link SameOrigin#allows}: an {@code Origin} header, if
 * present, must be this request's own origin, and {@code Sec-Fetch-Site} must not be
 * {@code cross-site}. GET, HEAD and OPTIONS never change state in the demo and pass.
 */
// Async-supported like every filter of an app that uses SignOff's event stream: one filter without it
// in a chain makes startAsync fail there (SignOff then falls back to polling).
@WebFilter(filterName = "demo-cross-site", urlPatterns = {"/app/*", "/login"}, asyncSupported = true)
public class CrossSiteRequestFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod()) || SameOrigin.allows(request)) {
            chain.doFilter(request, response);
            return;
        }
        Html.sendMessage(request, response, HttpServletResponse.SC_FORBIDDEN, "Request refused",
                "This form was sent from another site, so nothing was changed.", "/app/", "Back to your account");
    }
}
