package dev.signoff.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Plays a legacy app that sets its own cookie at two paths, one of them with a Domain, as
 * {@code signoff.cookies} in {@link CookieDeletionIT} describes them.
 */
@WebServlet("/test/cookies")
public class AppCookieServlet extends HttpServlet {
    static final String ROOT_VARIANT = "remember_me=abc; Path=/; Domain=localhost; Secure; HttpOnly; SameSite=Lax";

    static String legacyVariant(String contextPath) {
        return "remember_me=def; Path=" + contextPath + "/legacy; HttpOnly";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", ROOT_VARIANT);
        response.addHeader("Set-Cookie", legacyVariant(request.getContextPath()));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
