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
 * With {@code iss}, {@code sub} and optionally {@code sid}, the login came through that OpenID
 * Provider session, as an app with its own OpenID client tells SignOff ({@link SignOff#linkProviderSession}).
 */
@WebServlet("/probe/*")
public class ProbeServlet extends HttpServlet {
    @Inject
    SignOff signOff;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        String handle = signOff.start(request, user).handle();
        if (request.getParameter("sub") != null && !signOff.linkProviderSession(request, request.getParameter("iss"),
                java.util.Optional.ofNullable(request.getParameter("sid")), request.getParameter("sub"))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "not linked");
            return;
        }
        response.getWriter().write(handle);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(signOff.currentHandle(request).orElse("anonymous"));
    }
}
