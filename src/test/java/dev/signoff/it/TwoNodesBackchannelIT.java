package dev.signoff.it;

import dev.signoff.oidc.TestProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-out on two nodes of one registry (two deployments sharing the database, as
 * {@link TwoNodesIT}): a logout token the provider posts to node A ends the session a device holds
 * on node B within the staleness bound, and the same token posted to B afterwards is a replay.
 * Runs in the PostgreSQL and MariaDB executions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodesBackchannelIT {
    private static final String CLIENT = "shop";
    private static TestProvider provider;

    @Deployment(name = "a", testable = false, order = 1)
    static WebArchive nodeA() {
        provider = TestProvider.start("two-nodes", "tn-1");
        return node("sso-a");
    }

    @Deployment(name = "b", testable = false, order = 2)
    static WebArchive nodeB() {
        return node("sso-b");
    }

    private static WebArchive node(String name) {
        return Deployments.app(name, List.of(ProbeServlet.class), "signoff.oidc.providers", provider.issuer() + "; client-id=" + CLIENT);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL a;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL b;

    @Test
    void tokenPostedToNodeAEndsTheSessionOnNodeBAndIsAReplayThere() throws InterruptedException {
        String sid = "sid-" + System.nanoTime();
        Device onB = new Device(URI.create(b.toString()));
        Response login = onB.post("/probe/login?user=nina&iss=" + URLEncoder.encode(provider.issuer(), StandardCharsets.UTF_8)
                + "&sub=nina-sub&sid=" + sid, Map.of());
        assertEquals(200, login.status(), login::toString);

        String token = provider.sign(provider.claims(CLIENT).subject("nina-sub").claim("sid", sid).build());
        Response applied = new Device(URI.create(a.toString())).post("/sessions/oidc/backchannel-logout", Map.of("logout_token", token));
        assertEquals(200, applied.status(), applied::toString);

        long deadline = System.nanoTime() + 3_000_000_000L; // the staleness bound (1 s) with slack
        Response me;
        do {
            me = onB.get("/probe/me", "Accept", "application/json");
        } while (me.status() == 200 && System.nanoTime() < deadline && pause());
        assertEquals(401, me.status(), me::toString);
        assertTrue(me.body().contains("idp_logout"), me::toString);

        Response replay = new Device(URI.create(b.toString())).post("/sessions/oidc/backchannel-logout", Map.of("logout_token", token));
        assertEquals(400, replay.status(), replay::toString);
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }
}
