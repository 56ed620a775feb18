package dev.signoff.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo's access tokens: JWTs signed with ES256 (Nimbus JOSE + JWT) by a key made at start-up,
 * so every restart invalidates them. Each names its refresh-token family in {@code sid}, so that
 * ending the family (logout, log out everywhere, reuse) refuses the access tokens issued from it.
 */
@ApplicationScoped
public class AccessTokens {
    /** Who signs: the {@code iss} of every token. */
    static final String ISSUER = "signoff-demo";
    /** How long an access token is valid: short, as access tokens should be. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Longer tokens are not parsed at all. */
    private static final int MAX_LENGTH = 4096;

    private ECKey key;

    /** What a valid access token says. */
    record Claims(String user, String family) {
    }

    @PostConstruct
    void makeKey() {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the demo's signing key", e);
        }
    }

    /** A signed access token for the user, from the given refresh-token family. */
    String issue(String user, String family) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("sid", family)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token this demo signed and that has not expired; empty for anything else. */
    Optional<Claims> verify(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new ECDSAVerifier(key.toPublicJWK()))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            boolean current = c.getExpirationTime() != null && c.getExpirationTime().toInstant().isAfter(Instant.now());
            String family = c.getStringClaim("sid");
            if (!ISSUER.equals(c.getIssuer()) || !current || c.getSubject() == null || family == null) {
                return Optional.empty();
            }
            return Optional.of(new Claims(c.getSubject(), family));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
