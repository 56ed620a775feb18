package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An app that logs users in itself uses {@code SignOff.start}; logout and revocation work for it too. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgrammaticLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.childFirst(ShrinkWrap.create(WebArchive.class, "probe.war")
                .addClasses(ProbeServlet.class, EventRecorder.class, EventRecorder.Listing.class)
                .addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                .addAsLibrary(Deployments.module())
                .addAsLibraries(Deployments.derby())
                .addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset(
                        "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                                + "<context-param><param-name>signoff.session-cookie.secure</param-name><param-value>false</param-value></context-param>"
                                + "</web-app>"), "web.xml"));
    }

    @ArquillianResource
    URL base;

    @Test
    void startThenLogOutEverywhereEndsTheOtherDevice() {
        Device one = new Device(URI.create(base.toString()));
        Device two = new Device(URI.create(base.toString()));
        String h1 = one.post("/probe/login?user=carol", Map.of()).body();
        String h2 = two.post("/probe/login?user=carol", Map.of()).body();
        assertNotEquals(h1, h2);
        assertEquals(h1, one.get("/probe/me").body());
        assertEquals(h2, two.get("/probe/me").body());

        Response all = one.post("/sessions/log_out/all", Map.of(), "Accept", "application/json");
        assertEquals(204, all.status(), all::toString);

        Response after = two.get("/probe/me", "Accept", "application/json");
        assertEquals(401, after.status(), after::toString);
        assertTrue(after.body().contains("logout_all"), after.body());
        assertEquals("anonymous", one.get("/probe/me").body());
    }

    @Test
    void sessionEventsReachApplicationObservers() {
        Device one = new Device(URI.create(base.toString()));
        Device two = new Device(URI.create(base.toString()));
        String dave = "dave-" + System.nanoTime();
        String h1 = one.post("/probe/login?user=" + dave, Map.of()).body();
        String h2 = two.post("/probe/login?user=" + dave, Map.of()).body();
        one.post("/sessions/log_out/all", Map.of("keep_current", "true"), "Accept", "application/json");

        String events = one.get("/probe-events").body();
        assertTrue(events.contains("started " + dave + " " + h1 + " session"), events);
        assertTrue(events.contains("started " + dave + " " + h2 + " session"), events);
        assertTrue(events.contains("ended " + dave + " " + h2 + " LOGOUT_ALL"), events);
        assertTrue(events.contains("everywhere " + dave + " 1 LOGOUT_ALL kept=" + h1), events);
        assertFalse(events.contains("ended " + dave + " " + h1), events);

        one.post("/sessions/log_out", Map.of(), "Accept", "application/json");
        String later = new Device(URI.create(base.toString())).get("/probe-events").body();
        assertTrue(later.contains("ended " + dave + " " + h1 + " LOGOUT"), later);
    }
}
