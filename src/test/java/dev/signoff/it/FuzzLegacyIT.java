package dev.signoff.it;

import dev.signoff.fuzz.Fuzz;
import dev.signoff.fuzz.Target;
import dev.signoff.fuzz.Victim;
import dev.signoff.it.legacy.LegacyPages;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz campaign's seed set against a legacy FORM-login app that only dropped the JAR in: the
 * same rules as {@link FuzzIT}, on SignOff's routes and the app's own pages, the login included.
 * The app's own {@code GET /app/logout} is left out: a GET that logs out is that app's design; and
 * its default servlet's 501 to methods it does not implement is the container's answer, not SignOff's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class FuzzLegacyIT {
    @ArquillianResource
    URL base;

    abstract String user();

    abstract String password();

    @Test
    void seedSetWhenSentThenNoServerErrorNoLeakNoStateChange() throws Exception {
        Device d = new Device(URI.create(base.toString()));
        d.get("/app/whoami");
        if (d.cookie("JSESSIONID").isEmpty()) {
            d.get("/public");
        }
        LegacyLoginIT.follow(d, d.post("/j_security_check", Map.of("j_username", user(), "j_password", password())));
        Response page = d.get("/app/whoami");
        assertEquals(LegacyPages.SIGNED_IN_AS + user(), page.body().trim(), page::toString);
        Victim victim = Victim.of(d, user(), "/app/whoami", LegacyPages.SIGNED_IN_AS + user());

        List<String> paths = new ArrayList<>(Target.SIGNOFF_PATHS);
        paths.addAll(List.of("/app/whoami", "/app/", "/public", "/j_security_check", "/auth", "/do-login"));
        List<String> problems = Fuzz.run(victim, paths, FuzzIT.plan().forAppOnDefaultServlet());

        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }
}
