package dev.signoff.oidc;

import dev.signoff.web.Answers;
import dev.signoff.web.Problem;
import dev.signoff.web.RouteServlet;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * {@code POST <prefix>/oidc/backchannel-logout} (form field {@code logout_token}), mapped by
 * {@code SignOffBootstrap} when a provider is configured: {@code 200} with
 * {@code Cache-Control: no-store} when the token was applied, {@code 400} JSON otherwise — also
 * when the registry is down, as the specification asks (section 2.8); never 5xx. A token in the
 * query string is refused (tokens never ride in URLs), as is a body larger than any logout token.
 */
public class BackchannelLogoutServlet extends RouteServlet {
    private static final long serialVersionUID = 1L;
    static final String PARAMETER = "logout_token";
    private static final long MAX_BODY = 64 * 1024;

    @Inject
    BackchannelLogout receiver;

    @Override
    protected List<String> methods() {
        return List.of("POST");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        if (request.getContentLengthLong() > MAX_BODY || (query != null && query.contains(PARAMETER))) {
            Answers.problem(response, Problem.INVALID_LOGOUT_TOKEN);
            return;
        }
        switch (receiver.receive(request.getParameter(PARAMETER), request.getRemoteAddr())) {
            case APPLIED -> {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setHeader("Cache-Control", "no-store");
            }
            case REFUSED -> Answers.problem(response, Problem.INVALID_LOGOUT_TOKEN);
            case NOT_APPLIED -> Answers.problem(response, Problem.LOGOUT_NOT_APPLIED);
        }
    }
}
