package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The seed set against app A, Jakarta Security's built-in form mechanism. */
class FuzzJakartaFormIT extends FuzzLegacyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LegacyApps.jakartaFormWith(LegacyApps.SERVER_ERROR_PAGES, "fuzz-jakarta-form");
    }

    @Override
    String user() {
        return "victim";
    }

    @Override
    String password() {
        return "victim-pw";
    }
}
