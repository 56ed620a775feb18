package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.Map;

/** App B's programmatic login: a servlet of the app calls {@code request.login(user, password)}. */
class ProgrammaticContainerLoginIT extends LegacyLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LegacyApps.containerForm("legacy-programmatic");
    }

    @Override
    String user() {
        return LegacyApps.REALM_USER;
    }

    @Override
    String password() {
        return LegacyApps.REALM_PASSWORD;
    }

    @Override
    void visitAnonymously(Device d) {
        d.get("/public");
    }

    @Override
    Response sendCredentials(Device d, String user, String password) {
        return d.post("/do-login", Map.of("u", user, "p", password));
    }
}
