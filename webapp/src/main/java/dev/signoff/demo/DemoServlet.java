package dev.signoff.demo;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * A demo page that answers a method it does not serve with {@code 405} and its {@code Allow},
 * instead of the servlet default ({@code 501} for {@code PATCH}, an echo for {@code TRACE}).
 */
abstract class DemoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The methods the page serves; HEAD comes with GET, OPTIONS is added. */
    abstract List<String> methods();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String method = request.getMethod();
        boolean served = methods().contains(method) || ("HEAD".equals(method) && methods().contains("GET"));
        if (served) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", String.join(", ", methods()) + (methods().contains("GET") ? ", HEAD" : "") + ", OPTIONS");
        if ("OPTIONS".equals(method)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }
}
