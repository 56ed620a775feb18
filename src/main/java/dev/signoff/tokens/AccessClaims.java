package dev.signoff.tokens;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.signoff.registry.Tokens;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The claims of a Bearer access token SignOff needs to refuse it, read by Nimbus JOSE + JWT (a
 * kept library, shaded into the module JAR). SignOff is deny-only: it does not check the
 * signature — the app's own mechanism does — it only reads who the token names and when it was
 * issued, and refuses what was revoked. So it reads nothing from a token that is not a signed JWT.
 *
 * @param issuer   {@code iss}
 * @param subject  {@code sub}, the user
 * @param id       {@code jti}
 * @param family   {@code sid}, the refresh family (a registry handle) it was issued from, if any
 * @param issuedAt {@code iat}
 * @param expires  {@code exp}
 */
public record AccessClaims(String issuer, String subject, String id, Optional<String> family, Instant issuedAt,
                           Instant expires) {
    /** Longer tokens are not parsed: no JWT SignOff checks needs more, and parsing costs. */
    public static final int MAX_LENGTH = 8192;

    /** The digest a revocation of one token is kept under: of its issuer and id, never of its bytes. */
    public static String key(String issuer, String id) {
        return Tokens.digest(issuer.length() + ":" + issuer + "|" + id);
    }

    /** This token's {@link #key}. */
    public String key() {
        return key(issuer, id);
    }

    /**
     * Reads the token.
     *
     * @return the claims, or empty when it is not a signed JWT (unsigned {@code alg: none},
     *         encrypted, garbage), is longer than {@link #MAX_LENGTH}, or lacks a claim
     */
    public static Optional<AccessClaims> read(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JWT jwt = JWTParser.parse(token);
            if (!(jwt instanceof SignedJWT)) {
                return Optional.empty();
            }
            return of(jwt.getJWTClaimsSet());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<AccessClaims> of(JWTClaimsSet c) throws ParseException {
        Date iat = c.getIssueTime();
        Date exp = c.getExpirationTime();
        if (c.getIssuer() == null || c.getSubject() == null || c.getJWTID() == null || iat == null || exp == null) {
            return Optional.empty();
        }
        return Optional.of(new AccessClaims(c.getIssuer(), c.getSubject(), c.getJWTID(),
                Optional.ofNullable(c.getStringClaim("sid")), iat.toInstant(), exp.toInstant()));
    }
}
