package dev.signoff.cookies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CookieSpecTest {
    private static final String EXPIRED = "Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

    // --- parse ----------------------------------------------------------------------------------

    @Test
    void parseWhenFullSpecThenEveryAttributeRead() {
        CookieSpec spec = CookieSpec.parse("remember_me; Path=/app; Domain=example.com; Secure; HttpOnly; SameSite=Strict");

        assertEquals(new CookieSpec("remember_me", "/app", Optional.of("example.com"), true, true, Optional.of("Strict")), spec);
    }

    @Test
    void parseWhenNameOnlyThenRootPathHostOnlyAndNoFlags() {
        CookieSpec spec = CookieSpec.parse("prefs");

        assertEquals("prefs", spec.name());
        assertEquals("/", spec.path());
        assertEquals(Optional.empty(), spec.domain());
        assertFalse(spec.secure());
        assertFalse(spec.httpOnly());
        assertEquals(Optional.empty(), spec.sameSite());
    }

    @Test
    void parseWhenPartialSpecThenOnlyGivenAttributesSet() {
        CookieSpec spec = CookieSpec.parse(" lang ; Secure ");

        assertEquals(new CookieSpec("lang", "/", Optional.empty(), true, false, Optional.empty()), spec);
    }

    @Test
    void parseWhenAttributeNamesInAnyCaseThenRead() {
        CookieSpec spec = CookieSpec.parse("sid; PATH=/a; domain=.example.com; secure; HTTPONLY; samesite=none");

        assertEquals(new CookieSpec("sid", "/a", Optional.of(".example.com"), true, true, Optional.of("None")), spec);
    }

    @Test
    void parseWhenSameSiteLowerCaseThenNormalized() {
        assertEquals(Optional.of("Lax"), CookieSpec.parse("sid; SameSite=lax").sameSite());
        assertEquals(Optional.of("Strict"), CookieSpec.parse("sid; SameSite=STRICT").sameSite());
    }

    @Test
    void parseWhenTrailingSemicolonThenIgnored() {
        assertEquals(CookieSpec.parse("sid; Path=/x"), CookieSpec.parse("sid; Path=/x;"));
    }

    @Test
    void parseWhenUnknownAttributeThenRejectedNamingTheForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CookieSpec.parse("sid; Max-Age=3600"));

        assertTrue(e.getMessage().contains("Max-Age=3600"), e.getMessage());
        assertTrue(e.getMessage().contains("name; Path=/p; Domain=d; Secure; HttpOnly; SameSite=Lax"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "; Path=/",
            "bad name",
            "bad,name",
            "bad=name",
            "sid; Path=app",
            "sid; Path=",
            "sid; Domain=evil.com/x",
            "sid; Domain=exa mple.com",
            "sid; SameSite=Relaxed",
            "sid; SameSite=None",
            "__Host-sid; Path=/; Domain=example.com; Secure",
            "__Host-sid; Path=/",
            "__Host-sid; Path=/app; Secure",
            "__Secure-sid; Path=/",
            "sid; Expires=Thu, 01 Jan 2099 00:00:00 GMT"})
    void parseWhenSpecBreaksARuleThenIllegalArgument(String text) {
        assertThrows(IllegalArgumentException.class, () -> CookieSpec.parse(text));
    }

    @Test
    void parseWhenHostPrefixedCookieIsSecureAtRootWithoutDomainThenAccepted() {
        CookieSpec spec = CookieSpec.parse("__Host-sid; Path=/; Secure; HttpOnly; SameSite=None");

        assertEquals(new CookieSpec("__Host-sid", "/", Optional.empty(), true, true, Optional.of("None")), spec);
    }

    @Test
    void parseWhenSecurePrefixedCookieIsSecureThenAcceptedWithDomainAndPath() {
        CookieSpec spec = CookieSpec.parse("__Secure-sid; Path=/app; Domain=example.com; Secure");

        assertEquals(new CookieSpec("__Secure-sid", "/app", Optional.of("example.com"), true, false, Optional.empty()), spec);
    }

    // --- constructor --------------------------------------------------------------------------

    @Test
    void constructorWhenDomainAndSameSiteBlankThenEmpty() {
        CookieSpec spec = new CookieSpec("sid", "/", Optional.of(" "), false, false, Optional.of(""));

        assertEquals(Optional.empty(), spec.domain());
        assertEquals(Optional.empty(), spec.sameSite());
    }

    @Test
    void validatedWhenPathHoldsSemicolonOrControlCharacterThenIllegalArgument() {
        CookieSpec injected = new CookieSpec("sid", "/a;Domain=evil.com", Optional.empty(), false, false, Optional.empty());
        CookieSpec split = new CookieSpec("sid", "/a\r\nSet-Cookie: x=y", Optional.empty(), false, false, Optional.empty());

        assertThrows(IllegalArgumentException.class, injected::validated);
        assertThrows(IllegalArgumentException.class, split::validated);
    }

    @Test
    void validatedWhenSpecFollowsTheRulesThenSameSpec() {
        CookieSpec spec = new CookieSpec("sid", "/app", Optional.of("example.com"), true, true, Optional.of("none"));

        assertEquals(spec, spec.validated());
        assertEquals(Optional.of("None"), spec.sameSite());
    }

    /** The container's session cookie is deleted as the container sets it, so it is not held to the admin rules. */
    @Test
    void constructorWhenSpecBreaksBrowserRulesThenStillBuiltUnvalidated() {
        CookieSpec spec = new CookieSpec("__Host-SID", "/app", Optional.empty(), false, true, Optional.of("None"));

        assertEquals("__Host-SID=; Path=/app; " + EXPIRED + "; HttpOnly; SameSite=None", spec.deletionHeader());
        assertThrows(IllegalArgumentException.class, spec::validated);
    }

    @Test
    void constructorWhenNameNullThenNullPointer() {
        assertThrows(NullPointerException.class,
                () -> new CookieSpec(null, "/", Optional.empty(), false, false, Optional.empty()));
    }

    // --- deletionHeader ------------------------------------------------------------------------

    @Test
    void deletionHeaderWhenNameOnlyThenExpiredAtRootWithoutDomainOrFlags() {
        assertEquals("prefs=; Path=/; " + EXPIRED, CookieSpec.parse("prefs").deletionHeader());
    }

    @Test
    void deletionHeaderWhenFullSpecThenRepeatsEveryAttributeExactly() {
        CookieSpec spec = CookieSpec.parse("remember_me; Path=/app; Domain=example.com; Secure; HttpOnly; SameSite=Lax");

        assertEquals("remember_me=; Path=/app; Domain=example.com; " + EXPIRED + "; Secure; HttpOnly; SameSite=Lax",
                spec.deletionHeader());
    }

    @Test
    void deletionHeaderWhenHostOnlyThenNoDomainAttribute() {
        String header = CookieSpec.parse("sid; Path=/app; HttpOnly").deletionHeader();

        assertEquals("sid=; Path=/app; " + EXPIRED + "; HttpOnly", header);
        assertFalse(header.contains("Domain"), header);
    }

    @Test
    void deletionHeaderWhenHostPrefixedThenSecureRootAndNoDomain() {
        assertEquals("__Host-sid=; Path=/; " + EXPIRED + "; Secure; HttpOnly",
                CookieSpec.parse("__Host-sid; Path=/; Secure; HttpOnly").deletionHeader());
    }

    @Test
    void deletionHeaderWhenSameSiteNoneThenSecureAndSameSiteNoneRepeated() {
        assertEquals("track=; Path=/; Domain=.example.com; " + EXPIRED + "; Secure; SameSite=None",
                CookieSpec.parse("track; Domain=.example.com; SameSite=none; Secure").deletionHeader());
    }

    @Test
    void deletionHeaderWhenSameNameAtTwoPathsThenOneHeaderPerVariant() {
        String root = CookieSpec.parse("legacy; Path=/").deletionHeader();
        String app = CookieSpec.parse("legacy; Path=/app").deletionHeader();

        assertEquals("legacy=; Path=/; " + EXPIRED, root);
        assertEquals("legacy=; Path=/app; " + EXPIRED, app);
    }
}
