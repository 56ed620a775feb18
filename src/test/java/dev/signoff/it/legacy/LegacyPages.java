package dev.signoff.it.legacy;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * The pages of a "legacy" app that knows nothing of SignOff: a protected area ({@code /app/*},
 * under the app's own security constraint), a public page that keeps an anonymous session (a shop
 * cart), the app's own logout buttons, and a programmatic login.
 * <pre>
 * GET  /app/…             "signed in as &lt;user&gt;"
 * GET  /app/short?seconds  the session's own (container) timeout set to that many seconds
 * POST /app/logout         the app's logout: session.invalidate()
 * POST /app/logout-request the app's other logout: request.logout()
 * GET  /public             an anonymous session (created if none)
 * POST /do-login           request.login(u, p), then "signed in as &lt;user&gt;" (401 when refused)
 * POST /raw/do-login       the same, on a path the tests exclude from SignOff (a login no hook sees)
 * POST /auth               where the custom mechanism's form posts; on to /app/ once signed in
 * </pre>
 */
@WebServlet({"/app/*", "/public", "/do-login", "/raw/do-login", "/auth"})
public class LegacyPages extends HttpServlet {
    /** What a protected page says, so a test can tell who a response was served to. */
    public static final String SIGNED_IN_AS = "signed in as ";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if ("/public".equals(request.getServletPath())) {
            request.getSession(true).setAttribute("cart", "3 items");
            response.getWriter().write("anonymous");
            return;
        }
        if ("/app/short".equals(path(request))) {
            request.getSession(true).setMaxInactiveInterval(Integer.parseInt(request.getParameter("seconds")));
        }
        response.getWriter().write(SIGNED_IN_AS + request.getRemoteUser());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        switch (path(request)) {
            case "/app/logout" -> {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                seeOther(request, response, "/public");
            }
            case "/app/logout-request" -> {
                request.logout();
                seeOther(request, response, "/public");
            }
            case "/do-login", "/raw/do-login" -> login(request, response);
            case "/auth" -> seeOther(request, response, request.getRemoteUser() == null ? "/public" : "/app/");
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            request.login(request.getParameter("u"), request.getParameter("p"));
        } catch (ServletException e) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(SIGNED_IN_AS + request.getRemoteUser());
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private static void seeOther(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }
}
