package dev.signoff.cookies;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionCookieHeaderTest {
    private static final CookieSpec LAX_SESSION_COOKIE =
            new CookieSpec("JSESSIONID", "/app", Optional.empty(), true, true, Optional.of("Lax"));

    @Test
    void completeWhenSessionCookieLacksSameSiteThenAddedAndOtherHeadersKeptInOrder() {
        CookieDeleterTest.SetCookies response = new CookieDeleterTest.SetCookies();
        response.headers.add("theme=dark; Path=/");
        response.headers.add("JSESSIONID=abc; Path=/app; Secure; HttpOnly");

        SessionCookieHeader.complete(response.proxy(), LAX_SESSION_COOKIE);

        assertEquals(List.of("theme=dark; Path=/", "JSESSIONID=abc; Path=/app; Secure; HttpOnly; SameSite=Lax"),
                response.headers);
    }

    @Test
    void withholdWhenContainerSetTheSessionCookieThenOnlyItRemoved() {
        CookieDeleterTest.SetCookies response = new CookieDeleterTest.SetCookies();
        response.headers.add("theme=dark; Path=/");
        response.headers.add("JSESSIONID=new-id; Path=/app; HttpOnly");

        SessionCookieHeader.withhold(response.proxy(), LAX_SESSION_COOKIE);

        assertEquals(List.of("theme=dark; Path=/"), response.headers);
    }

    @Test
    void withholdWhenOnlyTheSessionCookieThenNoSetCookieLeft() {
        CookieDeleterTest.SetCookies response = new CookieDeleterTest.SetCookies();
        response.headers.add("JSESSIONID=new-id; Path=/app; HttpOnly");

        SessionCookieHeader.withhold(response.proxy(), LAX_SESSION_COOKIE);

        assertEquals(List.of(), response.headers);
    }

    @Test
    void completeWhenSessionCookieHasSameSiteThenUnchanged() {
        CookieDeleterTest.SetCookies response = new CookieDeleterTest.SetCookies();
        response.headers.add("JSESSIONID=abc; Path=/app; samesite=Strict");

        SessionCookieHeader.complete(response.proxy(), LAX_SESSION_COOKIE);

        assertEquals(List.of("JSESSIONID=abc; Path=/app; samesite=Strict"), response.headers);
    }

    @Test
    void completeWhenOnlyOtherCookiesThenUnchanged() {
        CookieDeleterTest.SetCookies response = new CookieDeleterTest.SetCookies();
        response.headers.add("JSESSIONID_TRACE=1; Path=/");

        SessionCookieHeader.complete(response.proxy(), LAX_SESSION_COOKIE);

        assertEquals(List.of("JSESSIONID_TRACE=1; Path=/"), response.headers);
    }

    @Test
    void completeWhenNoSameSiteConfiguredThenUnchanged() {
        CookieDeleterTest.SetCookies response = new CookieDeleterTest.SetCookies();
        response.headers.add("JSESSIONID=abc; Path=/app");

        SessionCookieHeader.complete(response.proxy(),
                new CookieSpec("JSESSIONID", "/app", Optional.empty(), false, false, Optional.empty()));

        assertEquals(List.of("JSESSIONID=abc; Path=/app"), response.headers);
    }

    @Test
    void completeWhenResponseCommittedThenUnchanged() {
        CookieDeleterTest.SetCookies response = new CookieDeleterTest.SetCookies();
        response.headers.add("JSESSIONID=abc; Path=/app");
        response.committed = true;

        SessionCookieHeader.complete(response.proxy(), LAX_SESSION_COOKIE);

        assertEquals(List.of("JSESSIONID=abc; Path=/app"), response.headers);
    }
}
