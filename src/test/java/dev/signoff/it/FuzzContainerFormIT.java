package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The seed set against app B, the container's FORM login with the server's realm. */
class FuzzContainerFormIT extends FuzzLegacyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LegacyApps.containerFormWith(LegacyApps.SERVER_ERROR_PAGES, "fuzz-container-form");
    }

    @Override
    String user() {
        return LegacyApps.REALM_USER;
    }

    @Override
    String password() {
        return LegacyApps.REALM_PASSWORD;
    }
}
