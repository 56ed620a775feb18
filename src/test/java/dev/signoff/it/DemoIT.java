package dev.signoff.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the black-box tests against the demo app in a real server: each subclass deploys its own
 * WAR ({@link Deployments#demo}) and talks to it over HTTP with {@link Device}s.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DemoIT {
    static final String JSON = "application/json";
    static final Pattern LOG_OUT_ALL_URL = Pattern.compile("(/[^\"'<>\\s]*/log_out/all/get\\?token=[A-Za-z0-9_-]{43})");

    @ArquillianResource
    URL base;

    Device device() {
        return new Device(URI.create(base.toString()));
    }

    Device signedIn(String user) {
        Device d = device();
        d.login(user, user + "-pw");
        assertSignedIn(d, user);
        return d;
    }

    /** The device's session is accepted: {@code /api/me} names the user. */
    static void assertSignedIn(Device d, String user) {
        Response me = d.get("/api/me", "Accept", JSON);
        assertEquals(200, me.status(), () -> "expected signed in as " + user + ": " + me);
        assertTrue(me.body().contains("\"" + user + "\""), me::toString);
    }

    /** The device's session is not accepted any more. */
    static void assertSignedOut(Device d) {
        Response me = d.get("/api/me", "Accept", JSON);
        assertEquals(401, me.status(), () -> "expected signed out: " + me);
        Response page = d.get("/app/");
        assertTrue(page.status() == 302 || page.status() == 303, () -> "protected page must redirect to login: " + page);
        assertTrue(page.location().contains("/login"), page::toString);
    }

    static Response logOut(Device d, String path, Map<String, String> form, String... headers) {
        return d.post("/sessions" + path, form, headers);
    }

    /** The one-time "log out everywhere" link shown on the sessions page. */
    static String logOutAllUrl(Device d) {
        Response page = d.get("/app/sessions");
        assertEquals(200, page.status(), page::toString);
        Matcher m = LOG_OUT_ALL_URL.matcher(page.body().replace("&amp;", "&"));
        if (!m.find()) {
            fail("no one-time log_out/all/get link on the sessions page: " + page.body());
        }
        return m.group(1);
    }

    static void assertNoServerError(Response r) {
        assertTrue(r.status() < 500, () -> "server error: " + r);
    }
}
