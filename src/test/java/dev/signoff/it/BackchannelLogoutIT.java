package dev.signoff.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.signoff.oidc.TestProvider;
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
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The back-channel logout receiver in a real server: an app whose logins came through an OpenID
 * Provider's sessions (told to SignOff with {@code linkProviderSession}) gets logout tokens signed
 * with keys the test serves as that provider (discovery document and JWKS over HTTP, from this JVM).
 * A valid token ends exactly the sessions of its {@code sid}, or of its {@code sub}; every broken
 * rule, and a replay, gets 400 JSON and ends nothing; never 5xx.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackchannelLogoutIT {
    private static final String CLIENT = "shop";
    private static TestProvider provider;
    private static String issuer;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        provider = TestProvider.start("it", "it-1");
        issuer = provider.issuer();
        return Deployments.app("oidc", List.of(ProbeServlet.class), "signoff.staleness", "0",
                "signoff.oidc.providers", issuer + "; client-id=" + CLIENT);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @ArquillianResource
    URL base;

    @Test
    void tokenWithSidWhenValidThenEndsThatProviderSessionOnlyAndOnce() {
        String sub = unique("sub");
        String sid = unique("sid");
        Device first = login(sub, sid);
        Device second = login(sub, unique("sid"));

        String token = token(c -> c.subject(sub).claim("sid", sid));
        Response applied = postToken(token);
        assertEquals(200, applied.status(), applied::toString);
        assertEquals("no-store", applied.header("Cache-Control").orElse(""), applied::toString);

        assertEnded(first);
        assertSignedIn(second);

        Response replay = postToken(token);
        assertEquals(400, replay.status(), replay::toString);
        assertTrue(replay.body().contains("\"error\":\"invalid_request\""), replay::toString);
    }

    @Test
    void tokenWithSubOnlyWhenValidThenEndsEverySessionOfThatProviderUser() {
        String sub = unique("sub");
        Device first = login(sub, unique("sid"));
        Device second = login(sub, null);
        Device other = login(unique("sub"), unique("sid"));

        Response applied = postToken(token(c -> c.subject(sub)));
        assertEquals(200, applied.status(), applied::toString);
        assertEnded(first);
        assertEnded(second);
        assertSignedIn(other);
    }

    @Test
    void tokenWhenAnyRuleBrokenThen400JsonAndNothingEnds() throws Exception {
        String sub = unique("sub");
        String sid = unique("sid");
        Device device = login(sub, sid);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("it-1").generate();
        Map<String, String> broken = Map.of(
                "wrong aud", token(c -> c.subject(sub).claim("sid", sid).audience("another")),
                "wrong iss", token(c -> c.subject(sub).claim("sid", sid).issuer("https://evil.example")),
                "nonce", token(c -> c.subject(sub).claim("sid", sid).claim("nonce", "n")),
                "no events", token(c -> c.subject(sub).claim("sid", sid).claim("events", null)),
                "expired", token(c -> c.subject(sub).claim("sid", sid).expirationTime(new Date(System.currentTimeMillis() - 600_000))),
                "old iat", token(c -> c.subject(sub).claim("sid", sid).issueTime(new Date(System.currentTimeMillis() - 600_000))),
                "another key", TestProvider.sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("it-1").build(), claims().subject(sub).claim("sid", sid).build(), stranger),
                "garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                "oversized", "a".repeat(20_000));
        for (Map.Entry<String, String> b : broken.entrySet()) {
            Response refused = postToken(b.getValue());
            assertEquals(400, refused.status(), b.getKey() + ": " + refused);
            assertTrue(refused.body().contains("\"error\":\"invalid_request\""), b.getKey() + ": " + refused);
        }
        Device anyone = new Device(URI.create(base.toString()));
        assertEquals(400, anyone.post("/sessions/oidc/backchannel-logout", Map.of()).status(), "no token");
        assertEquals(405, anyone.get("/sessions/oidc/backchannel-logout").status(), "GET");
        String valid = token(c -> c.subject(sub).claim("sid", sid));
        assertEquals(400, anyone.post("/sessions/oidc/backchannel-logout?logout_token=" + valid, Map.of()).status(), "token in URL");
        assertSignedIn(device);
    }

    private Device login(String sub, String sid) {
        Device device = new Device(URI.create(base.toString()));
        String link = "&iss=" + java.net.URLEncoder.encode(issuer, StandardCharsets.UTF_8) + "&sub=" + sub + (sid == null ? "" : "&sid=" + sid);
        Response login = device.post("/probe/login?user=" + sub + link, Map.of());
        assertEquals(200, login.status(), login::toString);
        assertSignedIn(device);
        return device;
    }

    private static void assertSignedIn(Device device) {
        assertNotEquals("anonymous", device.get("/probe/me").body());
    }

    private static void assertEnded(Device device) {
        Response me = device.get("/probe/me", "Accept", "application/json");
        assertEquals(401, me.status(), me::toString);
        assertTrue(me.body().contains("idp_logout"), me::toString);
    }

    private Response postToken(String token) {
        return new Device(URI.create(base.toString())).post("/sessions/oidc/backchannel-logout", Map.of("logout_token", token));
    }

    private static JWTClaimsSet.Builder claims() {
        return provider.claims(CLIENT).jwtID(unique("jti"));
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return provider.sign(claims.apply(claims()).build());
    }

    private static String unique(String prefix) {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return prefix + "-" + HexFormat.of().formatHex(b);
    }
}
