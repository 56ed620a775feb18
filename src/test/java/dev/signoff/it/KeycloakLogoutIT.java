package dev.signoff.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-out with a real Keycloak: an app on GlassFish logs its users in through Keycloak with
 * Jakarta Security's OpenID Connect mechanism, SignOff in its WEB-INF/lib and one setting naming the
 * provider — no SignOff code. When a Keycloak administrator ends the user's Keycloak sessions
 * (admin REST API), Keycloak posts a logout token to SignOff's receiver, and the app's sessions of
 * exactly those Keycloak sessions are refused (over HTTP, and in a real browser). And the other way: a logout through SignOff's route
 * ends the device's Keycloak session too (RP-initiated logout, {@code post-logout=/bye}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakLogoutIT {
    private static Keycloak keycloak;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        keycloak = Keycloak.start();
        return Deployments.app("kc", List.of(OidcApp.class, OidcApp.Me.class, OidcApp.Callback.class, OidcApp.Bye.class, Keycloak.class),
                "signoff.oidc.providers", Keycloak.ISSUER + "; client-id=demo; post-logout=/bye");
    }

    @AfterAll
    static void stopKeycloak() throws InterruptedException {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @ArquillianResource
    URL base;

    private URI me() {
        return URI.create(base.toString()).resolve("app/me");
    }

    @Test
    void adminEndsEachKeycloakSessionThenThatDeviceAloneIsRefused() throws InterruptedException {
        OidcDevice laptop = signedIn("alice");
        OidcDevice phone = signedIn("alice");
        String admin = keycloak.adminToken();
        List<String> sessions = keycloak.sessions(admin, keycloak.userId(admin, "alice"));
        assertEquals(2, sessions.size(), sessions::toString);

        keycloak.endSession(admin, sessions.get(0));
        Refused first = awaitOneRefused(laptop, phone);
        assertRefusedAsIdpLogout(first.response(), first.device());

        keycloak.endSession(admin, sessions.get(1));
        OidcDevice other = first.device() == laptop ? phone : laptop;
        assertRefusedAsIdpLogout(awaitRefused(other), other);
    }

    @Test
    void adminSignsTheUserOutThenTheDeviceIsRefused() throws InterruptedException {
        OidcDevice device = signedIn("bob");
        String admin = keycloak.adminToken();
        keycloak.logOutUser(admin, keycloak.userId(admin, "bob"));
        assertRefusedAsIdpLogout(awaitRefused(device), device);
    }

    @Test
    void logoutThroughSignOffThenTheKeycloakSessionEndsTooAndTheBrowserComesBack() {
        OidcDevice device = signedIn("carol");
        HttpResponse<String> logout = device.post(URI.create(base.toString()).resolve("sessions/log_out"), java.util.Map.of());
        assertEquals(303, logout.statusCode(), () -> logout.headers().map() + " " + logout.body());
        String location = logout.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(Keycloak.ISSUER + "/protocol/openid-connect/logout?id_token_hint="), location);
        assertTrue(location.contains("&post_logout_redirect_uri=" + java.net.URLEncoder.encode(base + "bye",
                java.nio.charset.StandardCharsets.UTF_8)), location);

        OidcDevice.Page back = device.open(URI.create(location));
        assertEquals("bye", back.body(), back::toString);
        String admin = keycloak.adminToken();
        assertEquals(List.of(), keycloak.sessions(admin, keycloak.userId(admin, "carol")), "carol's Keycloak sessions");
        OidcDevice.Page again = device.open(me());
        assertTrue(again.body().contains("kc-form-login"), "Keycloak's login page: " + again);
    }

    @Test
    void jsonLogoutThenTheKeycloakEndSessionUrlInAHeader() {
        OidcDevice device = signedIn("carol");
        HttpResponse<String> logout = device.post(URI.create(base.toString()).resolve("sessions/log_out"), java.util.Map.of(),
                "Accept", "application/json");
        assertEquals(204, logout.statusCode(), logout::body);
        assertTrue(logout.headers().firstValue("SignOff-Provider-Logout").orElse("")
                .startsWith(Keycloak.ISSUER + "/protocol/openid-connect/logout?id_token_hint="), logout.headers()::toString);
        assertEquals(302, device.getJson(me()).statusCode(), "signed out of the app");
    }

    @Test
    void browserSignedInThroughKeycloakWhenAdminEndsItsSessionThenBackAtKeycloaksLoginPage() {
        try (Browser browser = Browser.start(base.toString())) {
            browser.open("app/me");
            browser.waitUntil(d -> browser.url().startsWith(Keycloak.BASE), "Keycloak's login page");
            browser.find("#username").sendKeys("dave");
            browser.find("#password").sendKeys("dave-pw");
            browser.find("#kc-login").click();
            browser.waitUntil(d -> browser.url().startsWith(base.toString()) && browser.text().startsWith("dave "), "the app's page");
            assertTrue(!browser.text().endsWith("unbound"), browser::text);

            String admin = keycloak.adminToken();
            keycloak.sessions(admin, keycloak.userId(admin, "dave")).forEach(sid -> keycloak.endSession(admin, sid));
            browser.open("app/me");
            browser.waitUntil(d -> browser.url().startsWith(Keycloak.BASE) && !d.findElements(org.openqa.selenium.By.id("username")).isEmpty(),
                    "Keycloak's login page again");
        }
    }

    private OidcDevice signedIn(String user) {
        OidcDevice device = new OidcDevice();
        OidcDevice.Page page = device.signIn(me(), user, user + "-pw");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().startsWith(user + " ") && !page.body().endsWith("unbound"), page::toString);
        return device;
    }

    /** The device refused, and its answer. */
    private record Refused(OidcDevice device, HttpResponse<String> response) {
    }

    private Refused awaitOneRefused(OidcDevice laptop, OidcDevice phone) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> a = laptop.getJson(me());
            HttpResponse<String> b = phone.getJson(me());
            if (a.statusCode() != 200 || b.statusCode() != 200) {
                assertTrue(a.statusCode() == 200 || b.statusCode() == 200, "only one Keycloak session ended: " + a + " / " + b);
                return a.statusCode() != 200 ? new Refused(laptop, a) : new Refused(phone, b);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("neither device was refused within 5 s of the Keycloak session's end");
    }

    private HttpResponse<String> awaitRefused(OidcDevice device) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = device.getJson(me());
            if (r.statusCode() != 200) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the device was not refused within 5 s of the Keycloak session's end");
    }

    /**
     * The app's session is gone: SignOff refuses the device's next request (401, reason idp_logout,
     * the HttpSession invalidated), so the OpenID mechanism then sends it to Keycloak to sign in again
     * — and Keycloak, whose session ended too, shows its login page. Without SignOff the mechanism
     * would have kept serving the device until its access token expired (the other device shows it).
     */
    private void assertRefusedAsIdpLogout(HttpResponse<String> r, OidcDevice device) {
        assertEquals(401, r.statusCode(), () -> r + " " + r.headers().map() + " " + r.body());
        assertTrue(r.body().contains("\"reason\":\"idp_logout\""), r::body);
        OidcDevice.Page again = device.open(me());
        assertEquals(Keycloak.PORT, again.uri().getPort(), again::toString);
        assertTrue(again.body().contains("kc-form-login"), "Keycloak's login page: " + again);
    }
}
