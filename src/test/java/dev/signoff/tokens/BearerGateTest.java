package dev.signoff.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.signoff.config.Configuration;
import dev.signoff.config.SettingsLoader;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.registry.AccessRevocation;
import dev.signoff.registry.Revocation;
import dev.signoff.testing.MemoryRegistry;
import dev.signoff.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The deny-only Bearer check: what it reads, what it refuses, and how fast it learns of revocations. */
class BearerGateTest {
    private static final String ISSUER = "https://auth.example.com";
    private static final Instant START = Instant.parse("2026-12-01T08:00:00.400Z");
    private final MutableClock clock = new MutableClock(START);
    private final MemoryRegistry registry = new MemoryRegistry();
    private final BearerGate gate = gate(Map.of("SIGNOFF_BEARER_ISSUERS", ISSUER + ",https://other.example.com",
            "SIGNOFF_BEARER_MAX_LIFETIME", "1h", "SIGNOFF_STALENESS", "1s"));
    private final ECKey key = key();

    BearerGateTest() {
        registry.bearerRecordsKept = Duration.ofHours(1);
    }

    private BearerGate gate(Map<String, String> environment) {
        BearerGate g = new BearerGate();
        g.configuration = Configuration.with(SettingsLoader.load(k -> null, environment, Map.of()));
        g.registry = registry;
        g.clock = clock;
        return g;
    }

    @Test
    void checkWhenOffOrNoBearerOrAnotherIssuerThenPassWithoutReadingTheRegistry() {
        registry.down = new IllegalStateException("not asked");
        BearerGate off = gate(Map.of());

        assertEquals(BearerGate.Verdict.PASS, off.check(bearer(token("alice", "j1", START, null))));
        assertEquals(BearerGate.Verdict.PASS, off.check("Bearer garbage"));
        assertEquals(BearerGate.Verdict.PASS, gate.check(null));
        assertEquals(BearerGate.Verdict.PASS, gate.check("Basic YWxpY2U6cHc="));
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(signed(claims("https://elsewhere", "alice", "j", START, null)))));
    }

    @Test
    void checkWhenNotASignedJwtWithEveryClaimOrTooLongLivedThenMalformed() {
        JWTClaimsSet noJti = new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice").issueTime(Date.from(START))
                .expirationTime(Date.from(START.plusSeconds(60))).build();
        JWTClaimsSet dayLong = new JWTClaimsSet.Builder(claims(ISSUER, "alice", "j", START, null))
                .expirationTime(Date.from(START.plus(Duration.ofDays(1)))).build();
        List<String> bad = List.of("garbage", "", "a.b.c", "x".repeat(AccessClaims.MAX_LENGTH + 1),
                new PlainJWT(new PlainHeader(), claims(ISSUER, "alice", "j", START, null)).serialize(),
                signed(noJti), signed(dayLong));
        for (String token : bad) {
            assertEquals(BearerGate.Verdict.MALFORMED, gate.check(bearer(token)), () -> token.length() + " chars");
        }
        assertEquals(BearerGate.Verdict.MALFORMED, gate.check("Bearer"));
    }

    @Test
    void checkWhenOneTokenIsRevokedThenItAndAReEncodedCopyAreRefusedAndOthersPass() {
        String token = token("alice", "jti-1", START, null);
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(token)));

        registry.revokeAccessToken(AccessClaims.key(ISSUER, "jti-1"), "alice", revocation(), START.plusSeconds(300).toEpochMilli());

        assertEquals(BearerGate.Verdict.REVOKED, gate.check(bearer(token)), "this node refuses at once");
        assertEquals(BearerGate.Verdict.REVOKED, gate.check(bearer(token("alice", "jti-1", START.plusSeconds(1), null))),
                "another encoding of the same (iss, jti): still refused");
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(token("alice", "jti-2", START, null))));
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(signed(claims("https://other.example.com", "alice", "jti-1", START, null)))),
                "the same jti of another issuer is another token");
    }

    @Test
    void checkWhenTheFamilyEndsThenItsTokensAreRefusedAndAnotherFamilysPass() {
        registry.open(new dev.signoff.registry.NewSession("family-handle-000000000", "d1", "alice", Purpose.REFRESH,
                clock.millis(), clock.millis() + 60_000, clock.millis() + 60_000, null, null));

        registry.revoke(List.of("family-handle-000000000"), revocation());

        assertEquals(BearerGate.Verdict.REVOKED, gate.check(bearer(token("alice", "a", START, "family-handle-000000000"))));
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(token("alice", "b", START, "another-family-00000000"))));
    }

    @Test
    void checkWhenTheUserLoggedOutEverywhereThenTokensOfThatSecondAndBeforeRefusedLaterOnesPass() {
        registry.revokeAllOf("alice", Optional.empty(), Purpose.SIGN_IN, revocation()); // at 08:00:00.400

        assertEquals(BearerGate.Verdict.REVOKED, gate.check(bearer(token("alice", "a", START.minusSeconds(30), null))));
        assertEquals(BearerGate.Verdict.REVOKED, gate.check(bearer(token("alice", "b", Instant.parse("2026-12-01T08:00:00Z"), null))),
                "issued in the same second as the log out: refused, not accepted");
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(token("alice", "c", Instant.parse("2026-12-01T08:00:01Z"), null))));
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(token("bob", "d", START.minusSeconds(30), null))));
    }

    @Test
    void checkWhenALogOutEverywhereLeftRefreshOutThenTheUsersTokensPass() {
        registry.revokeAllOf("alice", Optional.empty(), Set.of(Purpose.SESSION), revocation());

        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(token("alice", "a", START.minusSeconds(30), null))));
    }

    @Test
    void checkWhenSeveralNotBeforeTimesThenTheLatestWins() {
        registry.writtenElsewhere(userRecord("alice", START.plusSeconds(10)));
        registry.writtenElsewhere(userRecord("alice", START.minusSeconds(100)));

        assertEquals(BearerGate.Verdict.REVOKED, gate.check(bearer(token("alice", "a", START.plusSeconds(5), null))));
    }

    @Test
    void checkWhenAnotherNodeRevokesThenSeenWithinTheStalenessBound() {
        String token = token("alice", "a", START, null);
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(token)));
        registry.writtenElsewhere(new AccessRevocation.Entry(AccessRevocation.Kind.TOKEN, AccessClaims.key(ISSUER, "a"),
                clock.millis(), clock.millis() + 600_000));

        clock.advance(Duration.ofMillis(999));
        assertEquals(BearerGate.Verdict.PASS, gate.check(bearer(token)), "read less than the staleness ago: not read again");
        clock.advance(Duration.ofMillis(1));
        assertEquals(BearerGate.Verdict.REVOKED, gate.check(bearer(token)));
    }

    @Test
    void checkWhenANodeStartsThenItLoadsTheRecordsThatStillMatterAndForgetsExpiredOnes() {
        registry.writtenElsewhere(new AccessRevocation.Entry(AccessRevocation.Kind.TOKEN, AccessClaims.key(ISSUER, "old"),
                clock.millis() - 10_000, clock.millis() + 30_000));
        BearerGate restarted = gate(Map.of("SIGNOFF_BEARER_ISSUERS", ISSUER));

        assertEquals(BearerGate.Verdict.REVOKED, restarted.check(bearer(token("alice", "old", START.minusSeconds(20), null))));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(BearerGate.Verdict.PASS, restarted.check(bearer(token("alice", "old", START.minusSeconds(20), null))),
                "past its expiry the token is the app's to refuse (expired); the record is forgotten");
    }

    @Test
    void checkWhenTheRegistryIsDownAndTheRecordsAreStaleThenThrows() {
        registry.down = new IllegalStateException("database down");

        assertThrows(IllegalStateException.class, () -> gate.check(bearer(token("alice", "a", START, null))));
    }

    private static Revocation revocation() {
        return new Revocation(EndReason.LOGOUT_ALL, START.toEpochMilli(), null);
    }

    private static AccessRevocation.Entry userRecord(String user, Instant notBefore) {
        return new AccessRevocation.Entry(AccessRevocation.Kind.USER, user, notBefore.toEpochMilli(),
                notBefore.toEpochMilli() + 3_600_000);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private String token(String user, String jti, Instant issued, String family) {
        return signed(claims(ISSUER, user, jti, issued, family));
    }

    private static JWTClaimsSet claims(String issuer, String user, String jti, Instant issued, String family) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).subject(user).jwtID(jti)
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(300)));
        if (family != null) {
            b.claim("sid", family);
        }
        return b.build();
    }

    private String signed(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    private static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }
}
