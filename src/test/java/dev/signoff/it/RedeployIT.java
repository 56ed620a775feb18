package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import dev.signoff.it.legacy.LegacyPages;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server destroying an app's sessions for its own reasons is not the app's logout: undeploying
 * the app (on Payara Micro, whose process ends with its only app, a server shutdown) destroys every
 * HttpSession, and the registry sessions must stay as they were, not end as {@code app_logout}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedeployIT {
    private static final String APP = "legacy-redeployed";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return LegacyApps.containerForm(APP);
    }

    @Test
    @Order(1)
    void deploy() {
        deployer.deploy(APP);
    }

    @Test
    @Order(2)
    void undeployWhenSessionsLiveThenRegistrySessionsNotEnded(@ArquillianResource @OperateOnDeployment(APP) URL base) {
        Device d = new Device(URI.create(base.toString()));
        d.get("/app/whoami");
        LegacyLoginIT.follow(d, d.post("/j_security_check",
                Map.of("j_username", LegacyApps.REALM_USER, "j_password", LegacyApps.REALM_PASSWORD)));
        assertEquals(LegacyPages.SIGNED_IN_AS + LegacyApps.REALM_USER, d.get("/app/whoami").body().trim());
        String handle = SessionsApi.currentHandle(d);

        deployer.undeploy(APP);
        deployer.deploy(APP);

        Response reason = new Device(URI.create(base.toString())).get("/test/end-reason?handle=" + handle);
        assertEquals(200, reason.status(), reason::toString);
        assertEquals("live", reason.body().trim());
    }

    @Test
    @Order(3)
    void undeploy() {
        deployer.undeploy(APP);
    }
}
