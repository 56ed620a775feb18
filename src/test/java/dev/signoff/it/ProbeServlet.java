package dev.signoff.it;

import dev.signoff.SignOff;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A minimal app that logs users in itself through {@link SignOff#start} (no container security):
 * {@code POST /probe/login?user=x}, {@code GET /probe/me} answers the bound handle or "anonymous".
 */
@WebServlet("/probe/*")
public class ProbeServlet extends HttpServlet {
    @Inject
    SignOff signOff;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        response.getWriter().write(signOff.start(request, user).handle());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(signOff.currentHandle(request).orElse("anonymous"));
    }
}
