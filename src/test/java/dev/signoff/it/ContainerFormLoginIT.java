package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.Map;

/** App B: the container's FORM login from web.xml, against the server's own realm. */
class ContainerFormLoginIT extends LegacyLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LegacyApps.containerForm("legacy-container-form");
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
        d.get("/app/whoami");
        if (d.cookie("JSESSIONID").isEmpty()) {
            d.get("/public");
        }
    }

    @Override
    Response sendCredentials(Device d, String user, String password) {
        return d.post("/j_security_check", Map.of("j_username", user, "j_password", password));
    }
}
