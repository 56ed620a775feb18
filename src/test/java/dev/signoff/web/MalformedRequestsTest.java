package dev.signoff.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MalformedRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/app/a:b", "/app/a%3Ab", "/app/a%3ab", "/app/%2e%2e/x", "/app/a%2Fb", "/app/a%5Cb",
            "/app/a%00", "/app/a\\b", "/api/me/]", "/api/token/[refresh", "/a^b", "/a|b", "/a`b", "/a b", "/a{b}", "/app/%zz", "/app/%4", "/app/%C3%28", "/app/%FF", "/app/../x", "/app/.",
            "/app/..;x=1/y", "/app/a\u0001"})
    void whenPathIsMalformedThenSaidSo(String path) {
        assertTrue(MalformedRequests.path(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app/", "/app/whoami", "/sessions/api/abc-DEF_123", "/app/caf%C3%A9", "/app/a%20b",
            "/app/.well-known", "/app/a..b", "/app/x;jsessionid=1"})
    void whenPathIsPlainThenNotMalformed(String path) {
        assertFalse(MalformedRequests.path(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"next=%", "a=%G1", "a=%C3%28", "a=b\u0007"})
    void whenQueryIsMalformedThenSaidSo(String query) {
        assertTrue(MalformedRequests.query(query), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "next=%2Fapp%2F", "a=b&c=d", "q=caf%C3%A9", "a=:"})
    void whenQueryIsPlainThenNotMalformed(String query) {
        assertFalse(MalformedRequests.query(query), query);
        assertFalse(MalformedRequests.path(null));
        assertFalse(MalformedRequests.query(null));
    }

    @Test
    void parametersWhenThrownWhileTheServerParsedThemThenTrue() {
        IllegalArgumentException parsing = assertThrows(IllegalArgumentException.class, () -> getParameter("%zz"));

        assertTrue(MalformedRequests.parameters(parsing));
        assertTrue(MalformedRequests.parameters(new jakarta.servlet.ServletException(parsing)));
        assertFalse(MalformedRequests.parameters(new IllegalArgumentException("a bug of the app")));
        assertFalse(MalformedRequests.parameters(null));
    }

    /** Stands for a server's request object failing on a bad escape, as Open Liberty's does. */
    private static String getParameter(String raw) {
        throw new IllegalArgumentException("bad escape in " + raw);
    }
}
