package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import dev.signoff.it.legacy.LegacyPages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code signoff.unrotated-login=bind}: the admin's opt-in binds a login no hook saw, at the risk the README names. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnrotatedLoginBindIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LegacyApps.containerForm("legacy-unrotated-bind", "signoff.exclude", UnrotatedLoginIT.EXCLUDE,
                "signoff.unrotated-login", "bind");
    }

    @Test
    void loginNoHookSawWhenBindSetThenBound() {
        Device d = new Device(URI.create(base.toString()));
        d.get("/public");
        UnrotatedLoginIT.rawLogin(d);

        assertEquals(LegacyPages.SIGNED_IN_AS + LegacyApps.REALM_USER, d.get("/app/whoami").body().trim());
        Response api = d.get("/sessions/api", "Accept", "application/json");
        assertEquals(200, api.status(), api::toString);
    }
}
