package dev.signoff.logout;

import dev.signoff.login.LoginCookies;
import jakarta.servlet.ServletException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code request.logout()}: the container's and Jakarta Security's authentication of the caller.
 * Not for a login kept in a login cookie shared by all the user's logins ({@link LoginCookies}):
 * {@code request.logout()} would end it on every device; {@link DeleteCookies} removes it from this one.
 */
final class ContainerLogout implements LogoutStep {
    private static final Logger LOG = Logger.getLogger(ContainerLogout.class.getName());

    @Override
    public void run(Leaving leaving) {
        if (LoginCookies.carried(leaving.request(), leaving.settings().loginCookies())) {
            return;
        }
        try {
            leaving.request().logout();
        } catch (ServletException | RuntimeException e) {
            // Some mechanisms refuse logout for a request that is not authenticated; nothing to undo then.
            LOG.log(Level.FINE, "SignOff: request.logout() failed", e);
        }
    }
}
