package dev.signoff.it;

import dev.signoff.fuzz.Campaign;
import dev.signoff.fuzz.Fuzz;
import dev.signoff.fuzz.Victim;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz campaign's seed set against the demo (SECURITY.md): a few thousand generated requests,
 * some riding on a signed-in device's cookies, must get no 5xx, show the device's data to no
 * request without its credential, and leave it signed in with the same sessions and a refresh
 * token that still refreshes. {@code -Dfuzz.requests=100000} makes it the full campaign.
 */
class FuzzIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("fuzz");
    }

    @Test
    void seedSetWhenSentThenNoServerErrorNoLeakNoStateChange() throws Exception {
        Victim victim = Victim.ofDemo(URI.create(base.toString()), "bob", "bob-pw");

        List<String> problems = Fuzz.run(victim, Fuzz.demoPaths(), plan());

        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void pathTheServerCannotMapWhenAskedThen4xxNotTheServersOwn500() throws Exception {
        Device d = new Device(URI.create(base.toString()));

        Response colon = d.get("/sessions/api/a:b");
        Response errorPage = d.get("/sessions/server_error");

        assertTrue(colon.status() >= 400 && colon.status() < 500, colon::toString);
        assertFalse(colon.body().contains("Exception"), colon::toString);
        assertEquals(404, errorPage.status(), "the error page is no route of its own: " + errorPage);
    }

    /**
     * The seed set, or {@code -Dfuzz.requests}, {@code -Dfuzz.seed} and {@code -Dfuzz.only} (riding, anonymous). The demo and the fuzzed legacy
     * apps map SignOff's error page, which answers GlassFish's and Open Liberty's own 500s to malformed
     * requests 4xx ({@code ContainerErrorPage}); left apart is only Liberty's 500 to Basic credentials
     * without a colon, which fails again on the way to any error page (SECURITY.md).
     */
    static Campaign.Plan plan() {
        boolean liberty = System.getProperty("arquillian.launch", "glassfish").startsWith("liberty");
        return new Campaign.Plan(Long.getLong("fuzz.requests", 3000), Long.getLong("fuzz.seed", 1), 2,
                Duration.ofMinutes(Long.getLong("fuzz.minutes", 30)), false, false, liberty,
                Campaign.Mix.named(System.getProperty("fuzz.only", "")));
    }
}
