package dev.signoff.web;

import dev.signoff.config.SettingsLoader;
import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import dev.signoff.testing.FakeRequest;
import dev.signoff.testing.FakeResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one place that answers refused requests: pages are sent on, clients get the problem as JSON. */
class AnswersTest {
    private final FakeResponse response = new FakeResponse();

    @Test
    void sessionEndedWhenClientRequestThen401WithCodeMessageAndReason() throws IOException {
        FakeRequest request = FakeRequest.get("/orders").header("Accept", "application/json");

        Answers.sessionEnded(request.proxy(), response.proxy(), settings(Map.of()), EndReason.LOGOUT_ALL);

        assertEquals(401, response.status);
        assertEquals("{\"error\":\"session_ended\",\"message\":\"This session has ended; sign in again.\",\"reason\":\"logout_all\"}",
                response.body.toString());
        assertEquals("no-store", response.header("Cache-Control"));
        assertTrue(response.contentType.startsWith("application/json"));
    }

    @Test
    void sessionEndedWhenPageNavigationAndLoginPageSetThen303ToItWithThePageAskedFor() throws IOException {
        FakeRequest request = FakeRequest.get("/orders").header("Accept", "text/html");
        request.query = "id=7";

        Answers.sessionEnded(request.proxy(), response.proxy(), settings(Map.of("signoff.login-page", "/login")),
                EndReason.LOGOUT);

        assertEquals(303, response.status);
        assertTrue(response.header("Location").startsWith("/app/login"), response.header("Location"));
        assertEquals("", response.body.toString());
    }

    @Test
    void sessionEndedWhenPageNavigationWithoutLoginPageThen303BackToThePageAskedFor() throws IOException {
        FakeRequest request = FakeRequest.get("/orders").header("Accept", "text/html");

        Answers.sessionEnded(request.proxy(), response.proxy(), settings(Map.of()), EndReason.LOGOUT);

        assertEquals(303, response.status);
        assertEquals("/app/orders", response.header("Location"));
    }

    @Test
    void sessionLimitWhenPageAndLoginPageHasAQueryThenReasonIsAppended() throws IOException {
        FakeRequest request = FakeRequest.get("/j_security_check").header("Accept", "text/html");

        Answers.sessionLimit(request.proxy(), response.proxy(), settings(Map.of("signoff.login-page", "/login?lang=en")), 3);

        assertEquals("/app/login?lang=en&reason=session_limit", response.header("Location"));
    }

    @Test
    void sessionLimitWhenClientThen409WithTheLimit() throws IOException {
        FakeRequest request = FakeRequest.get("/api/login");
        request.method = "POST";

        Answers.sessionLimit(request.proxy(), response.proxy(), settings(Map.of()), 3);

        assertEquals(409, response.status);
        assertTrue(response.body.toString().endsWith(",\"limit\":3}"), response.body.toString());
    }

    @Test
    void unavailableThen503WithRetryAfter() throws IOException {
        Answers.unavailable(response.proxy());

        assertEquals(503, response.status);
        assertEquals(Problem.RETRY_AFTER_SECONDS, response.header("Retry-After"));
        assertTrue(response.body.toString().startsWith("{\"error\":\"registry_unavailable\""));
    }

    @Test
    void crossSiteWhenFormPostThen403PlainTextAndNoRedirect() throws IOException {
        FakeRequest request = FakeRequest.get("/log_out");
        request.method = "POST";

        Answers.crossSite(request.proxy(), response.proxy());

        assertEquals(403, response.status);
        assertEquals(Problem.CROSS_SITE.message() + "\n", response.body.toString());
        assertNull(response.header("Location"));
    }

    @Test
    void jsonObjectWhenValuesNeedEscapingThenEscapedAndSafeInAScript() {
        assertEquals("{\"a\":\"\\\"x\\\\\\u003c/script>\\n\",\"n\":3,\"z\":null}",
                Json.object("a", "\"x\\</script>\n", "n", 3, "z", null));
        assertEquals("\"\\u2028\\u0001\"", Json.string("\u2028\u0001"));
    }

    @Test
    void forStatusWhenRuntimeStatusThenItsOwnProblemElseRefusedOrInternal() {
        assertEquals(Problem.METHOD_NOT_ALLOWED, Problem.forStatus(405));
        assertEquals(Problem.REFUSED, Problem.forStatus(422));
        assertEquals(Problem.INTERNAL, Problem.forStatus(502));
    }

    @Test
    void readmeWhenReadThenItsErrorTableListsEveryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Set<String> codes = new HashSet<>();
        for (Problem p : Problem.values()) {
            codes.add(p.code());
        }
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (!readme.matches("(?s).*\\n\\| [^\\n]*`" + code + "`[^\\n]*\\|[^\\n]*\\|[^\\n]*\\|\\n.*")) {
                missing.add(code);
            }
        }
        assertEquals(List.of(), missing, "README.md's error table lacks these codes");
    }

    private static SignOffSettings settings(Map<String, String> contextParams) {
        return SettingsLoader.load(contextParams::get, Map.of(), Map.of()).settings();
    }
}
