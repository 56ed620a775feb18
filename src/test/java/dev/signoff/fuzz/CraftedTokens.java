package dev.signoff.fuzz;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Bearer tokens an attacker would try: unsigned ({@code alg: none}), signed with a key of their own
 * (ES256, or HS256 with a guessable secret), expired, from another issuer, oversized, and malformed.
 * None may be accepted: the fuzzer sends them with and without the victim's cookie.
 */
final class CraftedTokens {
    private CraftedTokens() {
    }

    static List<String> forUser(String issuer, String user) {
        try {
            List<String> tokens = new ArrayList<>();
            JWTClaimsSet claims = claims(issuer, user, Instant.now().plusSeconds(600));
            tokens.add(new PlainJWT(claims).serialize());
            tokens.add(signed(claims, JWSAlgorithm.ES256));
            tokens.add(signed(claims, JWSAlgorithm.HS256));
            tokens.add(signed(claims(issuer, user, Instant.now().minusSeconds(600)), JWSAlgorithm.ES256));
            tokens.add(signed(claims("https://evil.example", user, Instant.now().plusSeconds(600)), JWSAlgorithm.ES256));
            tokens.add(signed(new JWTClaimsSet.Builder(claims).claim("pad", "x".repeat(12_000)).build(), JWSAlgorithm.ES256));
            String es = signed(claims, JWSAlgorithm.ES256);
            tokens.add(es.substring(0, es.lastIndexOf('.') + 1)); // signature stripped
            tokens.add(es.substring(0, es.lastIndexOf('.')) + ".AAAA");
            String[] parts = es.split("\\.");
            tokens.add(b64("{\"alg\":\"none\"}") + "." + parts[1] + ".");
            tokens.add(b64("{\"alg\":\"HS256\",\"kid\":\"../../etc/passwd\"}") + "." + parts[1] + "." + parts[2]);
            tokens.add(b64("{\"alg\":\"ES256\",\"jku\":\"https://evil.example/jwks\"}") + "." + parts[1] + "." + parts[2]);
            tokens.add(b64("{\"alg\":") + "." + b64("[]") + ".x");
            tokens.addAll(List.of("a.b.c", "...", "e30.e30.", "x", "eyJ", "\u00ff\u00fe.\u00ff.\u00ff"));
            return List.copyOf(tokens);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the crafted tokens", e);
        }
    }

    private static JWTClaimsSet claims(String issuer, String user, Instant expiry) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(user).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minusSeconds(900))).expirationTime(Date.from(expiry)).build();
    }

    private static String signed(JWTClaimsSet claims, JWSAlgorithm alg) throws JOSEException {
        JWSHeader header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        if (alg == JWSAlgorithm.HS256) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            jwt.sign(new MACSigner(secret));
        } else {
            jwt.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        }
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
