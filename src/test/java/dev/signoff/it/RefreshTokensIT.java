package dev.signoff.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.signoff.it.SessionsApi.error;
import static dev.signoff.it.SessionsApi.json;
import static dev.signoff.it.SessionsApi.list;
import static dev.signoff.it.SessionsApi.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's token routes over SignOff's refresh-token families, through HTTP: {@code POST /api/token},
 * {@code POST /api/token/refresh}, Bearer on {@code /api/me}. Each refresh token works once; the one
 * just replaced is refused within the grace window without ending anything; an older one ends the
 * family and the access tokens issued from it; racing refreshes issue one token; the session list,
 * log out everywhere and the API's end-one reach families too.
 */
class RefreshTokensIT extends DemoIT {
    private static final String USER = "bob";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("tokens", "signoff.refresh.grace", "3s").addClass(RegistryBackdoorServlet.class);
    }

    @BeforeEach
    void noLiveSessionsOfTheUser() {
        device().post("/test/revoke-in-database", Map.of("user", USER));
    }

    @Test
    void tokenWhenThePasswordIsRightThenAPairWhoseAccessTokenSignsIn() {
        Response r = device().post("/api/token", Map.of("username", USER, "password", "bob-pw"));

        assertEquals(200, r.status(), r::toString);
        assertEquals("no-store", r.header("Cache-Control").orElse(""), r::toString);
        JsonObject pair = json(r);
        assertEquals("Bearer", pair.getString("token_type"));
        assertEquals(300, pair.getInt("expires_in"));
        assertEquals(43, pair.getString("refresh_token").length());
        JsonObject claims = claims(pair.getString("access_token"));
        assertEquals(USER, claims.getString("sub"));
        for (String claim : List.of("iss", "jti", "iat", "exp", "sid")) {
            assertTrue(claims.containsKey(claim), () -> "access token lacks " + claim + ": " + claims);
        }
        assertBearerSignsIn(pair.getString("access_token"));
    }

    @Test
    void tokenWhenCredentialsWrongOrMissingThen4xxAndNothingIssued() {
        Response wrong = device().post("/api/token", Map.of("username", USER, "password", "alice-pw"));
        Response missing = device().post("/api/token", Map.of("username", USER));

        assertEquals(401, wrong.status(), wrong::toString);
        assertEquals("invalid_credentials", error(wrong));
        assertEquals(400, missing.status(), missing::toString);
        Device browser = signedIn(USER);
        assertTrue(SessionsApi.sessions(list(browser)).stream().noneMatch(s -> "refresh".equals(s.getString("purpose"))));
    }

    @Test
    void refreshWhenCurrentThenANewPairAndTheOldTokenIsSpent() {
        JsonObject first = issue();
        JsonObject second = refresh(first, 200);

        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertEquals(claims(first.getString("access_token")).getString("sid"), claims(second.getString("access_token")).getString("sid"),
                "one family");
        assertEquals("refresh_superseded", error(refreshResponse(first.getString("refresh_token"))),
                "the token just replaced, within the grace window: refused");
        JsonObject third = refresh(second, 200);
        assertBearerSignsIn(third.getString("access_token"));
        assertBearerSignsIn(first.getString("access_token"));
    }

    @Test
    void refreshWhenAnOlderTokenIsReplayedThenTheFamilyAndItsAccessTokensEnd() {
        JsonObject first = issue();
        JsonObject second = refresh(first, 200);
        JsonObject third = refresh(second, 200);

        Response replay = refreshResponse(first.getString("refresh_token"));

        assertEquals(401, replay.status(), replay::toString);
        assertEquals("refresh_reused", error(replay));
        assertEquals("refresh_ended", error(refreshResponse(third.getString("refresh_token"))), "the newest token is dead too");
        assertBearerRefused(third.getString("access_token"));
        assertBearerRefused(first.getString("access_token"));
    }

    @Test
    void refreshWhenTheTokenJustReplacedComesAfterTheGraceWindowThenReuse() throws InterruptedException {
        JsonObject first = issue();
        JsonObject second = refresh(first, 200);
        Thread.sleep(3_500);

        assertEquals("refresh_reused", error(refreshResponse(first.getString("refresh_token"))));
        assertBearerRefused(second.getString("access_token"));
    }

    @Test
    void refreshWhenManyRaceWithOneTokenThenExactlyOneNewTokenIsIssued() throws Exception {
        JsonObject first = issue();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return refreshResponse(first.getString("refresh_token"));
            }));
        }
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();

        List<Response> issued = answers.stream().filter(a -> a.status() == 200).toList();
        assertEquals(1, issued.size(), answers::toString);
        assertTrue(answers.stream().filter(a -> a.status() != 200).allMatch(a -> "refresh_superseded".equals(error(a))),
                answers::toString);
        refresh(json(issued.get(0)), 200);
    }

    @Test
    void listWhenAFamilyIsLiveThenItIsShownAndEndingItFromTheListEndsIt() {
        JsonObject pair = issue();
        String family = claims(pair.getString("access_token")).getString("sid");
        Device browser = signedIn(USER);

        JsonObject shown = session(list(browser), family).orElseThrow(() -> new AssertionError("family not listed"));
        assertEquals("refresh", shown.getString("purpose"));
        Response end = browser.delete("/sessions/api/" + family, "Accept", JSON);

        assertEquals(204, end.status(), end::toString);
        assertEquals("refresh_ended", error(refreshResponse(pair.getString("refresh_token"))));
        assertBearerRefused(pair.getString("access_token"));
        assertSignedIn(browser, USER);
    }

    @Test
    void logOutEverywhereWhenFromABrowserThenTheTokenClientIsSignedOutToo() {
        JsonObject pair = issue();
        Device browser = signedIn(USER);

        Response out = logOut(browser, "/log_out/all", Map.of(), "Accept", JSON);

        assertEquals(204, out.status(), out::toString);
        assertEquals("refresh_ended", error(refreshResponse(pair.getString("refresh_token"))));
        assertBearerRefused(pair.getString("access_token"));
    }

    @Test
    void logOutEverywhereWhenDoneThenAReEncodedCopyIsRefusedAndTokensIssuedAfterItWork() throws InterruptedException {
        JsonObject before = issue();
        String[] parts = before.getString("access_token").split("\\.");
        JsonObject claims = claims(before.getString("access_token"));
        String reordered = b64("{ \"jti\" : \"" + claims.getString("jti") + "\", \"sub\":\"" + USER + "\", \"iss\":\""
                + claims.getString("iss") + "\", \"iat\":" + claims.getInt("iat") + ", \"exp\":" + claims.getInt("exp") + "}");
        Device browser = signedIn(USER);

        assertEquals(204, logOut(browser, "/log_out/all", Map.of(), "Accept", JSON).status());

        assertBearerRefused(before.getString("access_token"));
        assertBearerRefused(parts[0] + "." + reordered + "." + parts[2]);
        Thread.sleep(1_100); // a token of the log out's own second is refused too
        JsonObject after = issue();
        assertBearerSignsIn(after.getString("access_token"));
    }

    @Test
    void refreshWhenMalformedThen401UnknownAndNever5xx() {
        Device browser = signedIn(USER);
        String sessionCookie = browser.cookies().get(0).value();
        for (String bad : List.of("", "x", "a".repeat(43), "%00", "a".repeat(5000), sessionCookie, "' OR '1'='1")) {
            Response r = refreshResponse(bad);
            assertEquals(401, r.status(), () -> bad.length() + " chars: " + r);
            assertEquals("refresh_unknown", error(r));
        }
        Response none = device().post("/api/token/refresh", Map.of());
        assertEquals(401, none.status(), none::toString);
    }

    @Test
    void meWhenTheBearerTokenIsForgedOrMalformedThen401() {
        String genuine = issue().getString("access_token");
        String[] parts = genuine.split("\\.");
        String otherUser = b64("{\"iss\":\"signoff-demo\",\"sub\":\"admin\",\"jti\":\"j\",\"iat\":1,\"exp\":4102444800,\"sid\":\"x\"}");
        List<String> forged = List.of(
                "garbage", "", "a.b.c", parts[0] + "." + otherUser + "." + parts[2],
                b64("{\"alg\":\"none\"}") + "." + otherUser + ".",
                b64("{\"alg\":\"HS256\"}") + "." + otherUser + "." + parts[2],
                genuine.substring(0, genuine.length() - 4) + "AAAA",
                "a".repeat(5000));
        for (String token : forged) {
            Response me = device().get("/api/me", "Accept", JSON, "Authorization", "Bearer " + token);
            assertEquals(401, me.status(), () -> token + ": " + me);
        }
        // Not a signed JWT at all: SignOff's filter refuses it; a signed one with a forged signature is the app's to refuse.
        for (String token : List.of("garbage", "a.b.c", b64("{\"alg\":\"none\"}") + "." + otherUser + ".", "a".repeat(5000))) {
            Response me = device().get("/api/me", "Accept", JSON, "Authorization", "Bearer " + token);
            assertEquals("invalid_token", error(me), () -> token.length() + " chars: " + me);
        }
        long now = System.currentTimeMillis() / 1000;
        String admin = b64("{\"iss\":\"signoff-demo\",\"sub\":\"admin\",\"jti\":\"j\",\"iat\":" + now + ",\"exp\":" + (now + 300)
                + ",\"sid\":\"x\"}");
        Response forgedSignature = device().get("/api/me", "Accept", JSON, "Authorization", "Bearer " + parts[0] + "." + admin + "." + parts[2]);
        assertEquals("unauthorized", error(forgedSignature), forgedSignature::toString);
    }

    private JsonObject issue() {
        Response r = device().post("/api/token", Map.of("username", USER, "password", "bob-pw"));
        assertEquals(200, r.status(), r::toString);
        return json(r);
    }

    private JsonObject refresh(JsonObject pair, int status) {
        Response r = refreshResponse(pair.getString("refresh_token"));
        assertEquals(status, r.status(), r::toString);
        return json(r);
    }

    private Response refreshResponse(String refreshToken) {
        Response r = device().post("/api/token/refresh", Map.of("refresh_token", refreshToken));
        assertNoServerError(r);
        return r;
    }

    private void assertBearerSignsIn(String accessToken) {
        Response me = device().get("/api/me", "Accept", JSON, "Authorization", "Bearer " + accessToken);
        assertEquals(200, me.status(), me::toString);
        assertEquals(USER, json(me).getString("user"));
    }

    /** Refused by SignOff's filter as revoked, before the app's mechanism sees it. */
    private void assertBearerRefused(String accessToken) {
        Response me = device().get("/api/me", "Accept", JSON, "Authorization", "Bearer " + accessToken);
        assertEquals(401, me.status(), me::toString);
        assertEquals("token_revoked", error(me), me::toString);
        assertEquals("Bearer error=\"invalid_token\"", me.header("WWW-Authenticate").orElse(""), me::toString);
    }

    private static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
