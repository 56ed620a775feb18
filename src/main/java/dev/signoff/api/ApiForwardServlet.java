package dev.signoff.api;

import dev.signoff.web.Routes;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The JSON API under a non-default prefix. {@code @ApplicationPath} is fixed at compile time, and
 * JAX-RS runtimes differ in how they treat an extra mapping of their servlet (RESTEasy strips the
 * annotated path, not the mapped one), so {@code <prefix>/api/*} is served by forwarding to the
 * application's own path; {@link SessionsResource} accepts a request there only when it was
 * forwarded from the configured prefix. Query parameters survive the forward.
 */
public class ApiForwardServlet extends HttpServlet {
    /** Request attribute the servlet container sets on a forward: the original servlet path. */
    static final String FORWARDED_SERVLET_PATH = "jakarta.servlet.forward.servlet_path";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
        request.getServletContext().getRequestDispatcher(Routes.API_DEFAULT_PATH + rest).forward(request, response);
    }
}
