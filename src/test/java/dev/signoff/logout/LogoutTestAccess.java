package dev.signoff.logout;

import dev.signoff.oidc.ProviderSignOut;
import dev.signoff.session.SessionRig;

/** A {@link Logout} wired to the rig, for tests of what sits above logout. */
public final class LogoutTestAccess {
    private LogoutTestAccess() {
    }

    public static Logout logout(SessionRig rig) {
        Logout logout = new Logout();
        logout.terminator = rig.terminator;
        logout.configuration = rig.configuration;
        // No CDI container here, so no OpenID Connect login: the provider's session is never left.
        logout.providerSignOut = new ProviderSignOut();
        logout.steps();
        return logout;
    }
}
