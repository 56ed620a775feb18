package dev.signoff.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;

/**
 * The request as the filter hands it to the application: a programmatic login
 * ({@code request.login(user, password)}, or {@code request.authenticate(response)} that logs
 * someone in) changes the session id right away, in the request that carried the credentials.
 */
public final class LoginRequest extends HttpServletRequestWrapper {
    public LoginRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public void login(String username, String password) throws ServletException {
        super.login(username, password);
        rotated();
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException, ServletException {
        boolean before = getUserPrincipal() != null;
        boolean authenticated = super.authenticate(response);
        if (authenticated && !before) {
            rotated();
        }
        return authenticated;
    }

    private void rotated() {
        Principal user = getUserPrincipal();
        if (user != null) {
            LoginRotation.rotate(this, user.getName());
        }
    }
}
