package dev.signoff.tokens;

import dev.signoff.registry.Tokens;
import dev.signoff.testing.FakeResponse;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The remember-me cookie Jakarta Security sets at a login leaves with SameSite; other cookies are not touched. */
class RememberMeResponseTest {

    @Test
    void addCookieWhenARememberMeTokenThenItsAttributesKeptAndSameSiteAdded() {
        FakeResponse fake = new FakeResponse();
        String token = Tokens.newHandle() + "." + Tokens.newToken();
        Cookie cookie = new Cookie("JREMEMBERMEID", token);
        cookie.setMaxAge(1_209_600);
        cookie.setPath("/shop");
        cookie.setSecure(true);
        cookie.setHttpOnly(true);

        new RememberMeResponse(fake.proxy(), Optional.of("Lax")).addCookie(cookie);

        assertEquals(List.of("JREMEMBERMEID=" + token + "; Max-Age=1209600; Path=/shop; Secure; HttpOnly; SameSite=Lax"),
                fake.headers("Set-Cookie"));
    }

    @Test
    void completeHeadersWhenTheServerWroteTheRememberMeCookieItselfThenSameSiteAddedOnlyThere() {
        FakeResponse fake = new FakeResponse();
        String token = Tokens.newHandle() + "." + Tokens.newToken();
        fake.headers.put("Set-Cookie", new java.util.ArrayList<>(List.of("JSESSIONID=abc; Path=/; HttpOnly",
                "JREMEMBERMEID=" + token + "; Max-Age=60; Path=/; HttpOnly", "JREMEMBERMEID=x; Max-Age=0; SameSite=Strict")));

        RememberMeResponse.completeHeaders(fake.proxy(), Optional.of("Lax"));

        assertEquals(List.of("JSESSIONID=abc; Path=/; HttpOnly", "JREMEMBERMEID=" + token + "; Max-Age=60; Path=/; HttpOnly; SameSite=Lax",
                "JREMEMBERMEID=x; Max-Age=0; SameSite=Strict"), fake.headers("Set-Cookie"));
    }

    @Test
    void addCookieWhenAnyOtherCookieThenPassedOnAsItIs() {
        FakeResponse fake = new FakeResponse();
        RememberMeResponse response = new RememberMeResponse(fake.proxy(), Optional.of("Lax"));

        // The fake has no addCookie: reaching it proves the cookie went on unchanged.
        assertThrows(UnsupportedOperationException.class, () -> response.addCookie(new Cookie("theme", "dark")));
        assertThrows(UnsupportedOperationException.class, () -> response.addCookie(new Cookie("JREMEMBERMEID", null)));
        assertEquals(List.of(), fake.headers("Set-Cookie"));
    }
}
