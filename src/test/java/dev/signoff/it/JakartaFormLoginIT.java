package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.Map;

/** App A: Jakarta Security's built-in form mechanism, a plain HTML login page posting to j_security_check. */
class JakartaFormLoginIT extends LegacyLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LegacyApps.jakartaForm("legacy-jakarta-form");
    }

    @Override
    String user() {
        return "alice";
    }

    @Override
    String password() {
        return "alice-pw";
    }

    @Override
    void visitAnonymously(Device d) {
        d.get("/app/whoami");
        if (d.cookie("JSESSIONID").isEmpty()) {
            d.get("/public"); // Open Liberty's form mechanism keeps no session for the page asked for
        }
    }

    @Override
    Response sendCredentials(Device d, String user, String password) {
        return d.post("/j_security_check", Map.of("j_username", user, "j_password", password));
    }
}
