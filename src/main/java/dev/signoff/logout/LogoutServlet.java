package dev.signoff.logout;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffResource;
import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import dev.signoff.web.Answers;
import dev.signoff.web.Requests;
import dev.signoff.web.Routes;
import dev.signoff.web.RouteServlet;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The logout routes, mapped by {@code SignOffBootstrap} under the configured prefix:
 * <ul>
 * <li>{@code POST|DELETE <prefix>/log_out}: end the caller's session;</li>
 * <li>{@code POST|DELETE <prefix>/log_out/all}: end all the caller's sessions ({@code keep_current=true}
 *     keeps the caller's own);</li>
 * <li>{@code GET <prefix>/log_out/all/get?token=…}: the same with the one-time token; without a
 *     valid one, and for {@code GET <prefix>/log_out}, a confirmation page with a POST form.</li>
 * </ul>
 * Cross-site requests get 403 and change nothing. Logout always succeeds for the caller: 303 to
 * a same-origin {@code next} or the configured target for pages, 204 for JSON/XHR clients.
 */
public class LogoutServlet extends RouteServlet {
    @Inject
    Logout logout;
    @Inject
    Configuration configuration;
    @Inject
    @SignOffResource
    Clock clock;

    @Override
    protected List<String> methods() {
        return List.of("GET", "POST", "DELETE"); // no HEAD: a HEAD of the one-time GET link must not log anyone out
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignOffSettings settings = configuration.settings();
        if (Requests.isCrossSite(request, settings.crossSite())) {
            Answers.crossSite(request, response);
            return;
        }
        String route = route(request, settings);
        if (Routes.LOG_OUT.equals(route)) {
            logout.current(request, response, EndReason.LOGOUT);
        } else if (Routes.LOG_OUT_ALL.equals(route)) {
            logout.everywhere(request, response, keepCurrent(request));
        } else {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        done(request, response, settings);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doPost(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignOffSettings settings = configuration.settings();
        String route = route(request, settings);
        if (Routes.LOG_OUT_ALL_GET.equals(route) && !Requests.isCrossSite(request, settings.crossSite())
                && OneTimeTokens.consume(request, request.getParameter("token"), clock)) {
            logout.everywhere(request, response, keepCurrent(request));
            done(request, response, settings);
            return;
        }
        boolean one = Routes.LOG_OUT.equals(route);
        String action = request.getContextPath() + settings.prefix() + (one ? Routes.LOG_OUT : Routes.LOG_OUT_ALL);
        new ConfirmationPage(action, one ? "Sign out?" : "Sign out everywhere?",
                Requests.safeNext(request.getParameter("next")), keepCurrent(request),
                settings.headers().contentSecurityPolicy()).write(response);
    }

    private static boolean keepCurrent(HttpServletRequest request) {
        return "true".equalsIgnoreCase(request.getParameter("keep_current"));
    }

    private static String route(HttpServletRequest request, SignOffSettings settings) {
        String path = request.getServletPath();
        return path.startsWith(settings.prefix()) ? path.substring(settings.prefix().length()) : path;
    }

    /**
     * The answer: {@code 204} to JSON clients, else {@code 303} to a same-origin {@code next} or the
     * logout redirect — or, when the caller's OpenID Provider session is to end too, to the provider
     * (named to JSON clients in a header), which sends the browser back to its configured path.
     */
    private static void done(HttpServletRequest request, HttpServletResponse response, SignOffSettings settings) {
        Object provider = request.getAttribute(Routes.PROVIDER_LOGOUT_ATTRIBUTE);
        if (Requests.wantsJson(request)) {
            if (provider instanceof String url) {
                response.setHeader(Routes.PROVIDER_LOGOUT_HEADER, url);
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        String target = provider instanceof String url ? url : Requests.safeNext(request.getParameter("next"))
                .orElse(request.getContextPath() + settings.logoutRedirect());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }
}
