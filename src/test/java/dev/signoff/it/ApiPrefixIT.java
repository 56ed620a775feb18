package dev.signoff.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.signoff.it.SessionsApi.currentHandle;
import static dev.signoff.it.SessionsApi.error;
import static dev.signoff.it.SessionsApi.json;
import static dev.signoff.it.SessionsApi.list;
import static dev.signoff.it.SessionsApi.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under a non-default prefix the whole module moves: the JSON API answers at {@code <prefix>/api},
 * the default {@code /sessions/api} (fixed by {@code @ApplicationPath}) answers 404.
 */
class ApiPrefixIT extends DemoIT {
    private static final String PREFIX = "/account/devices";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("apiprefix", "signoff.prefix", PREFIX);
    }

    @Test
    void theApiAnswersUnderTheConfiguredPrefixOnly() {
        Device laptop = signedIn("alice");
        Device phone = signedIn("alice");
        String laptopHandle = currentHandle(laptop, PREFIX);
        String phoneHandle = currentHandle(phone, PREFIX);

        JsonObject mine = list(laptop, PREFIX);
        assertTrue(session(mine, phoneHandle).isPresent(), mine::toString);
        assertTrue(mine.getString("logOutAllUrl").startsWith(laptop.contextPath() + PREFIX + "/log_out/all/get?token="),
                mine::toString);

        for (String path : new String[] {"/sessions/api", "/sessions/api/introspection"}) {
            Response old = laptop.get(path, "Accept", JSON);
            assertEquals(404, old.status(), () -> "the default path is not the API under another prefix: " + path + " " + old);
        }
        Response oldDelete = laptop.delete("/sessions/api/" + phoneHandle, "Accept", JSON);
        assertEquals(404, oldDelete.status(), oldDelete::toString);
        assertSignedIn(phone, "alice");

        Response ended = laptop.delete(PREFIX + "/api/" + phoneHandle, "Accept", JSON);
        assertEquals(204, ended.status(), ended::toString);
        assertSignedOut(phone);
        assertEquals(laptopHandle, currentHandle(laptop, PREFIX));
    }

    @Test
    void introspectionShowsTheRoutesUnderThePrefixAndTheSettingsSource() {
        Device admin = signedIn("admin");
        Response r = admin.get(PREFIX + "/api/introspection", "Accept", JSON);
        assertEquals(200, r.status(), r::toString);
        JsonObject body = json(r);
        assertTrue(body.getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .allMatch(route -> route.getString("path").startsWith(admin.contextPath() + PREFIX + "/")), body::toString);
        JsonObject prefix = body.getJsonArray("settings").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("key").equals("signoff.prefix")).findFirst().orElseThrow();
        assertEquals(PREFIX, prefix.getString("value"));
        assertEquals("context-param", prefix.getString("source"));

        Response logout = admin.post(PREFIX + "/log_out", Map.of(), "Accept", JSON);
        assertEquals(204, logout.status(), logout::toString);
        Response anonymous = admin.get(PREFIX + "/api", "Accept", JSON);
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("unauthorized", error(anonymous));
    }
}
