package dev.signoff.logout;

import dev.signoff.oidc.ProviderSignOut;
import dev.signoff.web.Routes;

/**
 * Single logout with the OpenID Provider the caller signed in through, when its provider has
 * {@code post-logout} set: the provider's end-session URL, read while the HttpSession still holds the
 * login's ID token, is left for the route's answer ({@link Routes#PROVIDER_LOGOUT_ATTRIBUTE}) — pages
 * go there instead of the logout redirect, JSON clients find it in a header.
 */
final class LeaveProvider implements LogoutStep {
    private final ProviderSignOut provider;

    LeaveProvider(ProviderSignOut provider) {
        this.provider = provider;
    }

    @Override
    public void run(Leaving leaving) {
        provider.endSessionUrl(leaving.request()).ifPresent(url -> leaving.request().setAttribute(Routes.PROVIDER_LOGOUT_ATTRIBUTE, url));
    }
}
