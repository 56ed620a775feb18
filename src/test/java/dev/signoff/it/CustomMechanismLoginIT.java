package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.Map;

/** App C: the app's own HttpAuthenticationMechanism, credentials posted to /auth. */
class CustomMechanismLoginIT extends LegacyLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LegacyApps.customMechanism("legacy-custom-mechanism");
    }

    @Override
    String user() {
        return "dave";
    }

    @Override
    String password() {
        return "dave-pw";
    }

    @Override
    void visitAnonymously(Device d) {
        d.get("/public");
    }

    @Override
    Response sendCredentials(Device d, String user, String password) {
        return d.post("/auth", Map.of("u", user, "p", password));
    }
}
