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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A login none of SignOff's hooks saw — here a {@code request.login()} on a path the app excluded
 * from SignOff — may have kept an id known from before it. By default it is ended (reason
 * fixation_suspected, audited) and the user signs in again ({@link UnrotatedLoginBindIT}: with
 * {@code signoff.unrotated-login=bind} it is bound anyway).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnrotatedLoginIT {
    static final String EXCLUDE = "*.css,*.js,/raw/*";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive ending() {
        return LegacyApps.containerForm("legacy-unrotated-end", "signoff.exclude", EXCLUDE);
    }

    @Test
    void loginNoHookSawWhenDefaultThenEndedAsFixationSuspectedAndAudited() {
        Device d = new Device(URI.create(base.toString()));
        d.get("/public");
        rawLogin(d);

        Response api = d.get("/sessions/api", "Accept", "application/json");
        assertEquals(401, api.status(), api::toString);
        assertTrue(api.body().contains("fixation_suspected"), api::toString);
        Response page = d.get("/app/whoami");
        assertTrue(!page.body().contains(LegacyPages.SIGNED_IN_AS), page::toString);
        String audit = d.get("/test/end-reason?user=" + LegacyApps.REALM_USER).body();
        assertTrue(audit.contains("FIXATION_SUSPECTED"), audit);

        Response again = d.post("/j_security_check", Map.of("j_username", LegacyApps.REALM_USER, "j_password", LegacyApps.REALM_PASSWORD));
        LegacyLoginIT.follow(d, again);
        assertEquals(LegacyPages.SIGNED_IN_AS + LegacyApps.REALM_USER, d.get("/app/whoami").body().trim(), "a login the hooks see works");
    }

    static void rawLogin(Device d) {
        Response login = d.post("/raw/do-login", Map.of("u", LegacyApps.REALM_USER, "p", LegacyApps.REALM_PASSWORD));
        assertEquals(200, login.status(), login::toString);
    }
}
