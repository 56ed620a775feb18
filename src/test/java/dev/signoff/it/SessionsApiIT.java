package dev.signoff.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.signoff.it.SessionsApi.currentHandle;
import static dev.signoff.it.SessionsApi.error;
import static dev.signoff.it.SessionsApi.isNull;
import static dev.signoff.it.SessionsApi.json;
import static dev.signoff.it.SessionsApi.list;
import static dev.signoff.it.SessionsApi.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON API ({@code /sessions/api}) over HTTP with several devices: what it lists, what it ends,
 * whom it refuses and how, and that it neither shows up in nor hides the demo's own JAX-RS API.
 */
class SessionsApiIT extends DemoIT {
    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final Set<String> SESSION_KEYS = Set.of("handle", "current", "purpose", "createdAt", "lastSeenAt",
            "expiresAt", "ip", "userAgent", "device");
    private static final String UNKNOWN_HANDLE = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final Pattern ONE_TIME_URL = Pattern.compile("/sessionsapi/sessions/log_out/all/get\\?token=[A-Za-z0-9_-]{43}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("sessionsapi", "signoff.idle-timeout", "20m");
    }

    Device signedIn(String user, String userAgent) {
        Device d = device().header("User-Agent", userAgent);
        d.login(user, user + "-pw");
        assertSignedIn(d, user);
        return d;
    }

    @Test
    void listShowsEveryDeviceWithTheCurrentOneMarkedInTheContractShape() {
        Device laptop = signedIn("alice", FIREFOX_LINUX);
        Device phone = signedIn("alice", SAFARI_IPHONE);
        String laptopHandle = currentHandle(laptop);
        String phoneHandle = currentHandle(phone);

        JsonObject seenFromLaptop = list(laptop);
        JsonObject laptopRow = session(seenFromLaptop, laptopHandle).orElseThrow();
        JsonObject phoneRow = session(seenFromLaptop, phoneHandle).orElseThrow(() -> new AssertionError(seenFromLaptop));
        assertEquals(SESSION_KEYS, laptopRow.keySet(), "the contract's keys, no more (no token, digest or user)");
        assertTrue(laptopRow.getBoolean("current"));
        assertFalse(phoneRow.getBoolean("current"));
        assertEquals("Firefox on Linux", laptopRow.getString("device"));
        assertEquals("Safari on iPhone", phoneRow.getString("device"));
        assertEquals(SAFARI_IPHONE, phoneRow.getString("userAgent"));
        assertEquals("session", phoneRow.getString("purpose"));
        Instant created = Instant.parse(phoneRow.getString("createdAt"));
        Instant expires = Instant.parse(phoneRow.getString("expiresAt"));
        assertFalse(Instant.parse(phoneRow.getString("lastSeenAt")).isBefore(created));
        assertTrue(expires.isAfter(created.plusSeconds(19 * 60)) && !expires.isAfter(created.plusSeconds(20 * 60 + 5)),
                "idle expiry of 20 minutes (context-param): " + phoneRow);
        assertTrue(ONE_TIME_URL.matcher(seenFromLaptop.getString("logOutAllUrl")).matches(), seenFromLaptop::toString);
        String body = laptop.get("/sessions/api", "Accept", JSON).body();
        assertFalse(body.contains(laptop.cookie("JSESSIONID").orElseThrow().value()), "no session id in JSON");

        assertTrue(session(list(phone), phoneHandle).orElseThrow().getBoolean("current"));
        assertFalse(session(list(bobsDevice()), laptopHandle).isPresent(), "bob does not see alice's sessions");
    }

    @Test
    void deleteEndsAnotherDeviceOfTheCaller() {
        Device laptop = signedIn("alice", FIREFOX_LINUX);
        Device phone = signedIn("alice", SAFARI_IPHONE);
        String phoneHandle = currentHandle(phone);

        Response r = laptop.delete("/sessions/api/" + phoneHandle, "Accept", JSON);
        assertEquals(204, r.status(), r::toString);
        assertSignedOut(phone);
        assertSignedIn(laptop, "alice");
        assertFalse(session(list(laptop), phoneHandle).isPresent(), "an ended session is no longer listed");

        Response again = laptop.delete("/sessions/api/" + phoneHandle, "Accept", JSON);
        assertEquals(404, again.status(), "an ended session is not there to end: " + again);
    }

    @Test
    void deleteOfTheCurrentSessionLogsThisDeviceOut() {
        Device laptop = signedIn("bob", FIREFOX_LINUX);
        Response r = laptop.delete("/sessions/api/" + currentHandle(laptop), "Accept", JSON);
        assertEquals(204, r.status(), r::toString);
        assertFalse(r.setCookies("JSESSIONID").isEmpty(), "the session cookie is deleted: " + r);
        assertSignedOut(laptop);
    }

    @Test
    void anotherUsersHandleIsAnsweredExactlyLikeAnUnknownOne() {
        Device alice = signedIn("alice", FIREFOX_LINUX);
        Device bob = bobsDevice();
        String bobsHandle = currentHandle(bob);

        Response foreign = alice.delete("/sessions/api/" + bobsHandle, "Accept", JSON);
        Response unknown = alice.delete("/sessions/api/" + UNKNOWN_HANDLE, "Accept", JSON);
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals(unknown.body(), foreign.body(), "no hint whether the handle exists");
        assertEquals("not_found", error(foreign));
        assertSignedIn(bob, "bob");
    }

    @Test
    void malformedHandlesAreBadRequestsAndNeverServerErrors() {
        Device alice = signedIn("alice", FIREFOX_LINUX);
        for (String handle : new String[] {"abc", "AAAAAAAAAAAAAAAAAAAAA!", "A".repeat(23), "A".repeat(2000), "%27%20OR%201=1", "%C3%A9".repeat(22)}) {
            Response r = alice.delete("/sessions/api/" + handle, "Accept", JSON);
            assertEquals(400, r.status(), () -> handle + ": " + r);
            assertEquals("malformed_handle", error(r));
        }
        for (String path : new String[] {"/sessions/api/a/b", "/sessions/api/users/a/b"}) {
            Response r = alice.get(path, "Accept", JSON);
            assertEquals(404, r.status(), () -> path + ": " + r);
            assertEquals("not_found", error(r));
        }
        for (String path : new String[] {"/sessions/api/" + UNKNOWN_HANDLE, "/sessions/api/users/"}) {
            Response r = alice.get(path, "Accept", JSON);
            assertEquals(405, r.status(), () -> "a handle can only be deleted: " + path + " " + r);
            assertEquals("method_not_allowed", error(r));
        }
        Response wadl = alice.get("/sessions/api/application.wadl");
        assertNotEquals(200, wadl.status(), "the API serves only its own routes: " + wadl);
        Response post = alice.post("/sessions/api", java.util.Map.of("x", "y"), "Accept", JSON);
        assertEquals(405, post.status(), post::toString);
        assertEquals("method_not_allowed", error(post));
        Response xml = alice.get("/sessions/api", "Accept", "application/xml");
        assertEquals(406, xml.status(), xml::toString);
        assertSignedIn(alice, "alice");
    }

    @Test
    void anonymousCallersGet401Json() {
        Device nobody = device();
        for (String path : new String[] {"/sessions/api", "/sessions/api/users/alice", "/sessions/api/introspection"}) {
            Response r = nobody.get(path, "Accept", JSON);
            assertEquals(401, r.status(), () -> path + ": " + r);
            assertEquals("unauthorized", error(r));
            assertFalse(r.body().contains("Exception"), r::toString);
        }
        Response delete = nobody.delete("/sessions/api/" + UNKNOWN_HANDLE);
        assertEquals(401, delete.status(), delete::toString);
        assertEquals("unauthorized", error(delete));
    }

    @Test
    void adminRoutesRefuseOtherUsersWith403() {
        Device alice = signedIn("alice", FIREFOX_LINUX);
        Device bob = bobsDevice();
        for (Response r : new Response[] {
                alice.get("/sessions/api/users/bob", "Accept", JSON),
                alice.delete("/sessions/api/users/bob", "Accept", JSON),
                alice.get("/sessions/api/introspection", "Accept", JSON)}) {
            assertEquals(403, r.status(), r::toString);
            assertEquals("forbidden", error(r));
        }
        assertSignedIn(bob, "bob");
    }

    @Test
    void adminListsAndEndsAllSessionsOfAUser() {
        Device admin = signedIn("admin", FIREFOX_LINUX);
        Device bobLaptop = bobsDevice();
        Device bobPhone = signedIn("bob", SAFARI_IPHONE);
        String laptopHandle = currentHandle(bobLaptop);
        String phoneHandle = currentHandle(bobPhone);

        Response listed = admin.get("/sessions/api/users/bob", "Accept", JSON);
        assertEquals(200, listed.status(), listed::toString);
        JsonObject bobs = json(listed);
        assertFalse(session(bobs, laptopHandle).orElseThrow().getBoolean("current"));
        assertEquals("Safari on iPhone", session(bobs, phoneHandle).orElseThrow().getString("device"));
        assertTrue(isNull(bobs, "logOutAllUrl"), "the admin's own logout link does not belong to bob's list: " + bobs);

        Response ended = admin.delete("/sessions/api/users/bob", "Accept", JSON);
        assertEquals(200, ended.status(), ended::toString);
        assertTrue(json(ended).getInt("ended") >= 2, ended::toString);
        assertSignedOut(bobLaptop);
        assertSignedOut(bobPhone);
        assertSignedIn(admin, "admin");
        assertTrue(SessionsApi.sessions(json(admin.get("/sessions/api/users/bob", "Accept", JSON))).isEmpty());
    }

    @Test
    void adminEndingTheirOwnSessionsKeepsTheCurrentOne() {
        Device desk = signedIn("admin", FIREFOX_LINUX);
        Device laptop = signedIn("admin", SAFARI_IPHONE);
        String deskHandle = currentHandle(desk);
        JsonObject own = json(desk.get("/sessions/api/users/admin", "Accept", JSON));
        assertTrue(session(own, deskHandle).orElseThrow().getBoolean("current"));
        assertFalse(isNull(own, "logOutAllUrl"), own::toString);

        Response ended = desk.delete("/sessions/api/users/admin", "Accept", JSON);
        assertEquals(200, ended.status(), ended::toString);
        assertSignedIn(desk, "admin");
        assertSignedOut(laptop);
    }

    @Test
    void crossSiteDeletesAreRefusedAndChangeNothing() {
        Device laptop = signedIn("alice", FIREFOX_LINUX);
        Device phone = signedIn("alice", SAFARI_IPHONE);
        String phoneHandle = currentHandle(phone);
        Device admin = signedIn("admin", FIREFOX_LINUX);
        Device bob = bobsDevice();

        Response byOrigin = laptop.delete("/sessions/api/" + phoneHandle, "Accept", JSON, "Origin", "http://evil.example");
        Response byFetchSite = laptop.delete("/sessions/api/" + phoneHandle, "Accept", JSON, "Sec-Fetch-Site", "cross-site");
        Response adminByOrigin = admin.delete("/sessions/api/users/bob", "Accept", JSON, "Origin", "http://evil.example");
        for (Response r : new Response[] {byOrigin, byFetchSite, adminByOrigin}) {
            assertEquals(403, r.status(), r::toString);
            assertEquals("cross_site_request", error(r));
        }
        assertSignedIn(phone, "alice");
        assertSignedIn(bob, "bob");

        Response sameOrigin = laptop.delete("/sessions/api/" + phoneHandle, "Accept", JSON,
                "Origin", laptop.origin(), "Sec-Fetch-Site", "same-origin");
        assertEquals(204, sameOrigin.status(), sameOrigin::toString);
        assertSignedOut(phone);
    }

    @Test
    void theAppsOwnJaxRsApiIsUnaffectedAndDoesNotExposeTheModule() {
        Device admin = signedIn("admin", FIREFOX_LINUX);
        Device alice = signedIn("alice", FIREFOX_LINUX);
        String aliceHandle = currentHandle(alice);
        assertSignedIn(admin, "admin"); // /api/me, the demo's resource under its own @ApplicationPath("/api")

        for (String path : new String[] {"/api", "/api/", "/api/users/alice", "/api/introspection"}) {
            Response r = admin.get(path, "Accept", JSON);
            assertEquals(404, r.status(), () -> "the module must not answer under the app's /api: " + path + " " + r);
            assertFalse(r.body().contains("sessions"), r::toString);
        }
        Response delete = admin.delete("/api/users/alice", "Accept", JSON);
        assertEquals(404, delete.status(), delete::toString);
        Response deleteHandle = alice.delete("/api/" + aliceHandle, "Accept", JSON);
        assertEquals(404, deleteHandle.status(), deleteHandle::toString);
        assertSignedIn(alice, "alice");

        Response notInModule = admin.get("/sessions/api/me", "Accept", JSON);
        assertTrue(notInModule.status() == 404 || notInModule.status() == 405,
                "the app's resources are not under the module's path: " + notInModule);
        assertFalse(notInModule.body().contains("\"user\""), notInModule::toString);
    }

    @Test
    void introspectionShowsRoutesAndWhereEachSettingCameFrom() {
        Device admin = signedIn("admin", FIREFOX_LINUX);
        Response r = admin.get("/sessions/api/introspection", "Accept", JSON);
        assertEquals(200, r.status(), r::toString);
        JsonObject body = json(r);
        assertTrue(body.getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .anyMatch(route -> route.getString("path").equals("/sessionsapi/sessions/log_out")), body::toString);
        assertTrue(body.getJsonArray("routes").getValuesAs(JsonObject.class).stream()
                .anyMatch(route -> route.getString("path").equals("/sessionsapi/sessions/api/users/{user}")
                        && route.getString("role").equals("signoff-admin")), body::toString);
        JsonObject idle = setting(body, "signoff.idle-timeout");
        assertEquals("20m", idle.getString("value"));
        assertEquals("context-param", idle.getString("source"));
        assertEquals("30m", idle.getString("defaultValue"));
        assertEquals("default", setting(body, "signoff.staleness").getString("source"));
        assertEquals("false", setting(body, "signoff.session-cookie.secure").getString("value"));
    }

    private static JsonObject setting(JsonObject introspection, String key) {
        return introspection.getJsonArray("settings").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + introspection));
    }

    private Device bobsDevice() {
        return signedIn("bob", FIREFOX_LINUX);
    }
}
