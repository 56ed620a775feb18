package dev.signoff.logout;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

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
public class LogoutServlet extends HttpServlet {
    static final String LOG_OUT = "/log_out";
    static final String ALL = "/log_out/all";
    static final String ALL_GET = "/log_out/all/get";
    private static final Logger LOG = Logger.getLogger(LogoutServlet.class.getName());

    @Inject
    Logout logout;
    @Inject
    Configuration configuration;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignOffSettings settings = configuration.settings();
        if (Requests.isCrossSite(request, settings.allowedOrigins())) {
            Pages.forbidden(request, response);
            return;
        }
        String route = route(request, settings);
        if (LOG_OUT.equals(route)) {
            logout.current(request, response, EndReason.LOGOUT);
        } else if (ALL.equals(route)) {
            logout.everywhere(request, response, "true".equalsIgnoreCase(request.getParameter("keep_current")));
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
        String token = request.getParameter("token");
        boolean keep = "true".equalsIgnoreCase(request.getParameter("keep_current"));
        if (ALL_GET.equals(route) && !Requests.isCrossSite(request, settings.allowedOrigins())
                && OneTimeTokens.consume(request, token, configuration.clock())) {
            logout.everywhere(request, response, keep);
            done(request, response, settings);
            return;
        }
        String action = request.getContextPath() + settings.prefix() + (LOG_OUT.equals(route) ? LOG_OUT : ALL);
        Pages.confirm(response, action, LOG_OUT.equals(route) ? "Sign out?" : "Sign out everywhere?",
                Requests.safeNext(request.getParameter("next")).orElse(null), keep);
    }

    private static String route(HttpServletRequest request, SignOffSettings settings) {
        String path = request.getServletPath();
        return path.startsWith(settings.prefix()) ? path.substring(settings.prefix().length()) : path;
    }

    private static void done(HttpServletRequest request, HttpServletResponse response, SignOffSettings settings)
            throws IOException {
        if (Requests.wantsJson(request)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        String target = Requests.safeNext(request.getParameter("next"))
                .orElse(request.getContextPath() + settings.logoutRedirect());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }

    /** The few pages this servlet writes. */
    static final class Pages {
        private Pages() {
        }

        static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setHeader("Cache-Control", "no-store");
            if (Requests.wantsJson(request)) {
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"error\":\"cross_site_request\",\"message\":\"Cross-site requests may not change sessions.\"}");
            } else {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("Cross-site requests may not change sessions.\n");
            }
            LOG.log(Level.FINE, "SignOff: refused a cross-site request from {0}", request.getHeader("Origin"));
        }

        static void confirm(HttpServletResponse response, String action, String title, String next, boolean keep)
                throws IOException {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            PrintWriter out = response.getWriter();
            out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            out.println("<title>" + html(title) + "</title></head><body>");
            out.println("<main><h1>" + html(title) + "</h1>");
            out.println("<form method=\"post\" action=\"" + html(action) + "\">");
            if (next != null) {
                out.println("<input type=\"hidden\" name=\"next\" value=\"" + html(next) + "\">");
            }
            if (keep) {
                out.println("<input type=\"hidden\" name=\"keep_current\" value=\"true\">");
            }
            out.println("<button type=\"submit\">Sign out</button></form></main></body></html>");
        }

        static String html(String text) {
            StringBuilder b = new StringBuilder(text.length() + 16);
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '&' -> b.append("&amp;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&#39;");
                    default -> b.append(c);
                }
            }
            return b.toString();
        }
    }
}
