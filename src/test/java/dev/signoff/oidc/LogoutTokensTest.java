package dev.signoff.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.signoff.config.OidcSettings;
import dev.signoff.config.SettingsLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of a back-channel logout token, broken once, against keys served over real HTTP (a JDK
 * HttpServer playing the provider's discovery document and JWKS); and the token that keeps them all.
 */
class LogoutTokensTest {
    private static final String CLIENT = "shop";
    private static TestProvider provider;
    private static String issuer;
    private static RSAKey key;

    @BeforeAll
    static void startProvider() {
        provider = TestProvider.start("r", "k1");
        issuer = provider.issuer();
        key = provider.key();
        provider.context("/other/.well-known/openid-configuration",
                () -> "{\"issuer\":\"https://somebody-else\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    private static LogoutTokens tokens(String providers) {
        OidcSettings settings = SettingsLoader.load(k -> null, Map.of(), Map.of("signoff.oidc.providers", providers)).settings().oidc();
        Map<String, Discovery> discoveries = new java.util.HashMap<>();
        settings.providers().forEach(p -> discoveries.put(p.issuer(), new Discovery(p, Clock.systemUTC())));
        return new LogoutTokens(settings, discoveries, Clock.systemUTC());
    }

    private static LogoutTokens tokens() {
        return tokens(issuer + "; client-id=" + CLIENT);
    }

    private static JWTClaimsSet.Builder claims() {
        return provider.claims(CLIENT).expirationTime(Date.from(Instant.now().plusSeconds(120))).subject("user-1").claim("sid", "sid-1");
    }

    private static String signed(JWTClaimsSet claims) {
        return provider.sign(claims);
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, RSAKey with) {
        return TestProvider.sign(header, claims, with);
    }

    /** Asserts the token is refused for the rule named (a fragment of the refusal's message), not for another. */
    private static void refusal(String token, String rule) {
        String refused = assertThrows(LogoutToken.Refused.class, () -> tokens().validate(token)).getMessage();
        assertTrue(refused.contains(rule), "refused for '" + refused + "', expected '" + rule + "'");
    }

    private static String withClaims(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return signed(change.apply(claims()).build());
    }

    @Test
    void validateWhenEveryRuleKeptThenItsSidSubjectAndJti() throws Exception {
        LogoutToken t = tokens().validate(withClaims(c -> c.jwtID("j-42")));
        assertEquals(issuer, t.issuer());
        assertEquals("sid-1", t.sid().orElseThrow());
        assertEquals("user-1", t.subject().orElseThrow());
        assertEquals("j-42", t.jti());
        assertTrue(t.keepUntil() > Instant.now().plus(Duration.ofMinutes(3)).toEpochMilli(), "kept beyond the skew");
    }

    @Test
    void validateWhenOnlySubOrOnlySidThenAccepted() throws Exception {
        assertTrue(tokens().validate(withClaims(c -> c.claim("sid", null))).sid().isEmpty());
        assertTrue(tokens().validate(withClaims(c -> c.subject(null))).subject().isEmpty());
    }

    @Test
    void validateWhenTypIsJwtOrAbsentThenAcceptedAndAnotherTypRefused() throws Exception {
        tokens().validate(signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT).build(), claims().build(), key));
        tokens().validate(signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims().build(), key));
        refusal(signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(new JOSEObjectType("at+jwt")).build(), claims().build(), key), "typ (type) at+jwt not allowed");
    }

    @Test
    void validateWhenIssuerAudienceOrClaimsWrongThenRefused() throws Exception {
        refusal(withClaims(c -> c.issuer("https://evil.example")), "iss is not a configured provider");
        refusal(withClaims(c -> c.issuer(null)), "no iss");
        refusal(withClaims(c -> c.audience("another-client")), "aud claim rejected");
        refusal(withClaims(c -> c.audience((String) null)), "missing required aud");
        refusal(withClaims(c -> c.claim("events", null)), "[events]");
        refusal(withClaims(c -> c.claim("events", Map.of("http://schemas.openid.net/event/other", Map.of()))), "no back-channel logout event");
        refusal(withClaims(c -> c.claim("events", "http://schemas.openid.net/event/backchannel-logout")), "events\" claim is not a JSON object");
        refusal(withClaims(c -> c.claim("nonce", "n-1")), "prohibited claims: [nonce]");
        refusal(withClaims(c -> c.jwtID(null)), "[jti]");
        refusal(withClaims(c -> c.subject(null).claim("sid", null)), "neither sid nor sub");
        refusal(withClaims(c -> c.claim("sid", 42)), "sid claim is not a String");
    }

    @Test
    void validateWhenExpiredOrIssuedTooFarFromNowThenRefused() throws Exception {
        Instant now = Instant.now();
        refusal(withClaims(c -> c.expirationTime(Date.from(now.minusSeconds(600)))), "Expired JWT");
        refusal(withClaims(c -> c.issueTime(Date.from(now.minusSeconds(600)))), "iat is more than PT2M away");
        refusal(withClaims(c -> c.issueTime(Date.from(now.plusSeconds(600)))), "iat is more than PT2M away");
        refusal(withClaims(c -> c.issueTime(null)), "[iat]");
        tokens().validate(withClaims(c -> c.issueTime(Date.from(now.minusSeconds(60))).expirationTime(null)));
    }

    @Test
    void validateWhenSignatureAlgorithmOrKeyWrongThenRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        refusal(signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims().build(), stranger), "Invalid signature");
        String good = signed(claims().build());
        refusal(good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5), "Invalid signature");
        // The provider's public key used as an HMAC secret: the classic algorithm confusion.
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        hmac.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
        refusal(hmac.serialize(), "Another algorithm expected");
        refusal(new PlainJWT(claims().build()).serialize(), "not a signed JWT");
    }

    @Test
    void validateWhenGarbageOrOversizedThenRefused() throws Exception {
        refusal(null, "no logout_token");
        refusal("", "no logout_token");
        refusal("not.a.jwt", "not a JWT");
        refusal("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOlsxXX0.c2ln", "claims are not a JSON object");
        refusal(withClaims(c -> c.claim("padding", "x".repeat(LogoutTokens.MAX_LENGTH))), "longer than");
    }

    @Test
    void validateWhenKeyRotatedThenKeysFetchedAgainForTheUnknownKid() throws Exception {
        LogoutTokens tokens = tokens();
        tokens.validate(signed(claims().build()));
        int before = provider.keyFetches();
        RSAKey next = new RSAKeyGenerator(2048).keyID("k2").generate();
        provider.serve(new JWKSet(java.util.List.of(key.toPublicJWK(), next.toPublicJWK())));
        try {
            tokens.validate(signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k2").build(), claims().build(), next));
            assertEquals(before + 1, provider.keyFetches(), "fetched once more, for the new kid");
        } finally {
            provider.serve(new JWKSet(key.toPublicJWK()));
        }
    }

    @Test
    void validateWhenKeysUnreachableOrDiscoveryNamesAnotherIssuerThenRefused() throws Exception {
        String token = signed(claims().build());
        assertThrows(LogoutToken.Refused.class, () -> tokens(issuer + "; client-id=" + CLIENT + "; jwks-uri=http://127.0.0.1:9/certs").validate(token));
        String other = provider.origin() + "/other";
        String fromOther = signed(claims().issuer(other).build());
        assertThrows(LogoutToken.Refused.class, () -> tokens(other + "; client-id=" + CLIENT).validate(fromOther));
        assertEquals(issuer, tokens(issuer + "; client-id=" + CLIENT + "; jwks-uri=" + issuer + "/protocol/openid-connect/certs").validate(token).issuer());
    }
}
