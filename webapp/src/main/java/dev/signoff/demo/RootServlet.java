package dev.signoff.demo;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

/**
 * {@code GET /} (the context root, also SignOff's default target after logout): signed-in users
 * go to their account page, everyone else to the login page. Sending anonymous visitors straight
 * to {@code /login}, rather than to the protected {@code /app/}, spares them the HttpSession that
 * Jakarta Security creates to remember a protected page they asked for.
 */
@WebServlet(name = "demo-root", urlPatterns = "")
public class RootServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    List<String> methods() {
        return List.of("GET");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String target = request.getRemoteUser() == null ? "/login" : "/app/";
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + target);
    }
}
