package dev.signoff.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTProcessor;
import dev.signoff.config.OidcProvider;
import dev.signoff.config.OidcSettings;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates back-channel logout tokens as OpenID Connect Back-Channel Logout 1.0 (section 2.6)
 * asks, with Nimbus JOSE + JWT doing the JOSE part: a signed JWT (RSA or EC: never {@code none},
 * never an HMAC that a public key could be abused as the secret of) verified with its issuer's keys,
 * {@code typ} {@code logout+jwt} or {@code JWT} or none; {@code iss} a configured provider,
 * {@code aud} containing its client id, {@code exp} (if any) not passed, {@code iat} within the
 * skew either way, {@code jti} present, {@code events} holding the back-channel logout event,
 * {@code sid} or {@code sub}, and no {@code nonce} (which would make an ID token pass for one).
 */
final class LogoutTokens {
    /** Longer tokens are not parsed: a logout token is a few hundred characters. */
    static final int MAX_LENGTH = 16_384;
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final JOSEObjectType LOGOUT_JWT = new JOSEObjectType("logout+jwt");
    private static final Set<JWSAlgorithm> ALGORITHMS = algorithms();

    private final OidcSettings settings;
    private final Clock clock;
    private final Map<String, JWTProcessor<SecurityContext>> processors = new HashMap<>();

    /** For the providers of {@code settings}, each with its discovery document in {@code discoveries}. */
    LogoutTokens(OidcSettings settings, Map<String, Discovery> discoveries, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        for (OidcProvider p : settings.providers()) {
            processors.put(p.issuer(), processor(p, new ProviderKeys(discoveries.get(p.issuer()))));
        }
    }

    /** Reads and checks one token; throws naming the rule it broke. */
    LogoutToken validate(String token) throws LogoutToken.Refused {
        if (token == null || token.isEmpty()) {
            throw new LogoutToken.Refused("no logout_token");
        }
        if (token.length() > MAX_LENGTH) {
            throw new LogoutToken.Refused("longer than " + MAX_LENGTH + " characters");
        }
        SignedJWT jwt = signed(token);
        String issuer = issuer(jwt);
        JWTProcessor<SecurityContext> processor = processors.get(issuer);
        if (processor == null) {
            throw new LogoutToken.Refused("iss is not a configured provider");
        }
        try {
            return checked(issuer, processor.process(jwt, null));
        } catch (BadJOSEException | JOSEException e) {
            throw new LogoutToken.Refused(e.getMessage());
        }
    }

    /** The rules Nimbus's claims verifier has no words for. */
    private LogoutToken checked(String issuer, JWTClaimsSet claims) throws LogoutToken.Refused {
        Duration skew = settings.iatSkew();
        Instant iat = claims.getIssueTime().toInstant();
        if (Duration.between(iat, clock.instant()).abs().compareTo(skew) > 0) {
            throw new LogoutToken.Refused("iat is more than " + skew + " away from now");
        }
        try {
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            if (!(events.get(EVENT) instanceof Map)) {
                throw new LogoutToken.Refused("events holds no back-channel logout event");
            }
            Optional<String> sid = Optional.ofNullable(claims.getStringClaim("sid"));
            Optional<String> subject = Optional.ofNullable(claims.getStringClaim("sub"));
            if (sid.isEmpty() && subject.isEmpty()) {
                throw new LogoutToken.Refused("neither sid nor sub");
            }
            String jti = claims.getStringClaim("jti");
            return new LogoutToken(issuer, sid, subject, jti, iat.plus(skew).plus(skew).toEpochMilli());
        } catch (ParseException e) {
            throw new LogoutToken.Refused("a claim of the wrong type: " + e.getMessage());
        }
    }

    private static SignedJWT signed(String token) throws LogoutToken.Refused {
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof SignedJWT signed) {
                return signed;
            }
            throw new LogoutToken.Refused("not a signed JWT");
        } catch (ParseException | RuntimeException e) {
            throw new LogoutToken.Refused("not a JWT");
        }
    }

    /** The {@code iss} the token claims, before its signature is checked: it only picks the keys to check it with. */
    private static String issuer(SignedJWT jwt) throws LogoutToken.Refused {
        try {
            return Optional.ofNullable(jwt.getJWTClaimsSet().getIssuer()).orElseThrow(() -> new LogoutToken.Refused("no iss"));
        } catch (ParseException e) {
            throw new LogoutToken.Refused("claims are not a JSON object");
        }
    }

    private JWTProcessor<SecurityContext> processor(OidcProvider provider, ProviderKeys keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(LOGOUT_JWT, JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(provider.clientId()),
                new JWTClaimsSet.Builder().issuer(provider.issuer()).build(), Set.of("iat", "jti", "events"), Set.of("nonce"));
        claims.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, settings.iatSkew().toSeconds()));
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private static Set<JWSAlgorithm> algorithms() {
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        return Set.copyOf(algorithms);
    }
}
