package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import static dev.signoff.it.SessionsApi.JSON;
import static dev.signoff.it.SessionsApi.currentHandle;
import static dev.signoff.it.SessionsApi.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON API in apps with another JAX-RS setup than the demo's: one with no JAX-RS of its own,
 * and one whose application covers the whole context root and serves every {@code @Path} class it
 * finds. Both log users in through {@code SignOff.start} (no container security), so the API
 * knows its caller from SignOff's own session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiEmbeddingIT {
    private static final String PLAIN = "plain";
    private static final String ROOT = "rootjaxrs";

    @ArquillianResource
    @OperateOnDeployment(PLAIN)
    URL plainBase;
    @ArquillianResource
    @OperateOnDeployment(ROOT)
    URL rootBase;

    @Deployment(name = PLAIN, testable = false)
    static WebArchive withoutJaxRs() {
        return probe("apiplain");
    }

    @Deployment(name = ROOT, testable = false)
    static WebArchive withRootJaxRs() {
        return probe("apiroot").addClasses(RootJaxRsApp.class, PingResource.class);
    }

    private static WebArchive probe(String name) {
        return Deployments.childFirst(ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClass(ProbeServlet.class)
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                .addAsLibrary(Deployments.module())
                .addAsWebInfResource(new StringAsset(
                        "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                                + "<context-param><param-name>signoff.session-cookie.secure</param-name><param-value>false</param-value></context-param>"
                                + "</web-app>"), "web.xml"));
    }

    @Test
    @OperateOnDeployment(PLAIN)
    void anAppWithoutJaxRsGetsTheApi() {
        URL base = plainBase;
        Device one = new Device(URI.create(base.toString()));
        Device two = new Device(URI.create(base.toString()));
        String user = "erin-" + System.nanoTime();
        String h1 = one.post("/probe/login?user=" + user, Map.of()).body();
        String h2 = two.post("/probe/login?user=" + user, Map.of()).body();

        assertEquals(h1, currentHandle(one));
        Response ended = one.delete("/sessions/api/" + h2, "Accept", JSON);
        assertEquals(204, ended.status(), ended::toString);
        Response after = two.get("/probe/me", "Accept", JSON);
        assertEquals(401, after.status(), after::toString);
        assertTrue(after.body().contains("ended_by_user"), after::toString);
        assertEquals(h1, currentHandle(one));
    }

    @Test
    @OperateOnDeployment(ROOT)
    void anAppApplicationOnTheWholeRootNeitherHidesNorExposesTheApi() {
        URL base = rootBase;
        Device d = new Device(URI.create(base.toString()));
        String h = d.post("/probe/login?user=frank-" + System.nanoTime(), Map.of()).body();

        Response ping = d.get("/ping");
        assertEquals(200, ping.status(), ping::toString);
        assertEquals("pong", ping.body());
        assertEquals(h, currentHandle(d), "the module's API still answers at /sessions/api");

        Response viaApp = d.get("/", "Accept", JSON);
        assertFalse(viaApp.status() == 200 && viaApp.body().contains(h), "the app's application must not serve the module: " + viaApp);
        Response deleteViaApp = d.delete("/" + h, "Accept", JSON);
        assertEquals(404, deleteViaApp.status(), deleteViaApp::toString);
        assertEquals(h, currentHandle(d));

        Response moduleOnly = d.get("/sessions/api/ping", "Accept", JSON);
        assertEquals(405, moduleOnly.status(), "the app's resources are not under the module's path: " + moduleOnly);
        assertEquals("method_not_allowed", error(moduleOnly));
    }
}
