package dev.signoff.logout;

import dev.signoff.login.LoginCookies;
import dev.signoff.oidc.ProviderSignOut;
import jakarta.servlet.ServletException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code request.logout()}: the container's and Jakarta Security's authentication of the caller.
 * Not for a login kept in a login cookie shared by all the user's logins ({@link LoginCookies}):
 * {@code request.logout()} would end it on every device; {@link DeleteCookies} removes it from this one.
 * Not for a login of Jakarta Security's OpenID Connect mechanism either: GlassFish's (Soteria)
 * answers {@code request.logout()} with a redirect to the provider's login page, committing the
 * response before SignOff can delete cookies or answer (and signing the user in again at once where
 * the provider's session lives on); that login lives in the HttpSession, which {@link InvalidateHttpSession} ends.
 */
final class ContainerLogout implements LogoutStep {
    private static final Logger LOG = Logger.getLogger(ContainerLogout.class.getName());
    private final ProviderSignOut provider;

    ContainerLogout(ProviderSignOut provider) {
        this.provider = provider;
    }

    @Override
    public void run(Leaving leaving) {
        if (LoginCookies.carried(leaving.request(), leaving.settings().loginCookies()) || provider.openIdLogin()) {
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
