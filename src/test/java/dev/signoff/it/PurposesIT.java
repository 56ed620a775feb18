package dev.signoff.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.signoff.it.SessionsApi.error;
import static dev.signoff.it.SessionsApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ends of many sessions reach the purposes their settings name: here log out everywhere leaves
 * API clients (refresh families) alone, and an e-mail change ends only them.
 */
class PurposesIT extends DemoIT {
    private static final String USER = "alice";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("purposes", "signoff.log-out-everywhere.purposes", "all,-refresh",
                        "signoff.credentials.email.purposes", "refresh")
                .addClass(RegistryBackdoorServlet.class);
    }

    @BeforeEach
    void noLiveSessionsOfTheUser() {
        device().post("/test/revoke-in-database", Map.of("user", USER));
    }

    @Test
    void logOutEverywhereWhenRefreshIsLeftOutThenBrowsersEndAndTheApiClientStays() {
        JsonObject pair = issue();
        Device laptop = signedIn(USER);
        Device phone = signedIn(USER);

        Response out = logOut(laptop, "/log_out/all", Map.of(), "Accept", JSON);

        assertEquals(204, out.status(), out::toString);
        assertSignedOut(phone);
        assertSignedOut(laptop);
        assertEquals(200, refresh(pair).status(), "the API client's family is not a purpose this end reaches");
    }

    @Test
    void credentialsChangedWhenTheKindEndsOnlyRefreshThenApiClientsEndAndBrowsersStay() {
        JsonObject pair = issue();
        Device laptop = signedIn(USER);

        Response changed = laptop.post("/app/account/email", Map.of("email", "alice@example.com"));

        assertEquals(303, changed.status(), changed::toString);
        assertSignedIn(laptop, USER);
        Response refused = refresh(pair);
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("refresh_ended", error(refused));
    }

    private JsonObject issue() {
        Response r = device().post("/api/token", Map.of("username", USER, "password", "alice-pw"));
        assertEquals(200, r.status(), r::toString);
        return json(r);
    }

    private Response refresh(JsonObject pair) {
        return device().post("/api/token/refresh", Map.of("refresh_token", pair.getString("refresh_token")));
    }
}
