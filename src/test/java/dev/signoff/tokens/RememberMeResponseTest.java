package dev.signoff.tokens;

import dev.signoff.registry.Tokens;
import dev.signoff.testing.FakeResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The remember-me cookie Jakarta Security sets at a login leaves with SameSite; other cookies are not touched. */
class RememberMeResponseTest {

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
}
