package dev.signoff.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * A servlet of SignOff's routes that answers a method it does not serve with {@code 405}, its
 * {@code Allow} and the JSON problem, instead of the servlet default: {@code 501} for methods
 * {@link HttpServlet} does not know ({@code PATCH}), an echo of the request for {@code TRACE}.
 * {@code OPTIONS} lists exactly the served methods. A query or form body with a bad escape gets {@code 400}.
 */
public abstract class RouteServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The methods this route serves, e.g. {@code GET, HEAD}; OPTIONS is added. */
    protected abstract List<String> methods();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Allow", allow());
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!methods().contains(request.getMethod())) {
            response.setHeader("Allow", allow());
            Answers.problem(response, Problem.METHOD_NOT_ALLOWED);
            return;
        }
        if (MalformedRequests.query(request.getQueryString())) {
            // Open Liberty throws from getParameter on a bad escape; every server gets the same 400.
            Answers.problem(response, Problem.BAD_REQUEST);
            return;
        }
        try {
            super.service(request, response);
        } catch (IllegalArgumentException e) {
            if (!MalformedRequests.parameters(e) || response.isCommitted()) {
                throw e;
            }
            Answers.problem(response, Problem.BAD_REQUEST); // a form body Liberty could not parse
        }
    }

    private String allow() {
        return String.join(", ", methods()) + ", OPTIONS";
    }
}
