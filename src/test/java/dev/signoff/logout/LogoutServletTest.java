package dev.signoff.logout;

import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionRig;
import dev.signoff.testing.FakeRequest;
import dev.signoff.testing.FakeResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logout routes: POST ends, GET only asks (unless it carries a fresh one-time token), other sites change nothing. */
class LogoutServletTest {
    private final SessionRig rig = new SessionRig();
    private final LogoutServlet servlet = new LogoutServlet();
    private final FakeResponse response = new FakeResponse();

    LogoutServletTest() {
        servlet.logout = LogoutTestAccess.logout(rig);
        servlet.configuration = rig.configuration;
        servlet.clock = rig.clock;
    }

    @Test
    void postWhenSignedInThenEndedAnd303ToTheSameOriginNext() throws IOException {
        SessionBinding s = rig.open("alice");
        FakeRequest request = post("/sessions/log_out", s);
        request.parameters.put("next", "/app/bye");

        servlet.doPost(request.proxy(), response.proxy());

        assertFalse(rig.registry.isLive(s.handle()));
        assertEquals(303, response.status);
        assertEquals("/app/bye", response.header("Location"));
    }

    @Test
    void postWhenNextIsAnotherSiteThenItIsIgnoredForTheConfiguredTarget() throws IOException {
        FakeRequest request = post("/sessions/log_out", rig.open("alice"));
        request.parameters.put("next", "//evil.example/");

        servlet.doPost(request.proxy(), response.proxy());

        assertEquals("/app/", response.header("Location"));
    }

    @Test
    void postWhenJsonClientThen204() throws IOException {
        FakeRequest request = post("/sessions/log_out", rig.open("alice")).header("Accept", "application/json");

        servlet.doPost(request.proxy(), response.proxy());

        assertEquals(204, response.status);
    }

    @Test
    void postWhenCrossSiteThen403AndNothingChanges() throws IOException {
        SessionBinding s = rig.open("alice");
        FakeRequest request = post("/sessions/log_out/all", s).header("Sec-Fetch-Site", "cross-site");

        servlet.doPost(request.proxy(), response.proxy());

        assertEquals(403, response.status);
        assertTrue(rig.registry.isLive(s.handle()));
        assertFalse(request.session.invalidated);
        assertEquals(0, request.logouts);
    }

    @Test
    void getWhenNoTokenThenAConfirmationPageThatPostsAndEndsNothing() throws IOException {
        SessionBinding s = rig.open("alice");
        FakeRequest request = signedIn("/sessions/log_out", s);
        request.parameters.put("next", "/app/a\"b");

        servlet.doGet(request.proxy(), response.proxy());

        assertTrue(rig.registry.isLive(s.handle()));
        assertEquals(200, response.status);
        assertEquals("no-store", response.header("Cache-Control"));
        String page = response.body.toString();
        assertTrue(page.contains("<form method=\"post\" action=\"/app/sessions/log_out\">"), page);
        assertTrue(page.contains("value=\"/app/a&quot;b\""), "next is carried, escaped: " + page);
    }

    @Test
    void getAllWhenTokenIsFreshThenEverywhereEndsOnceAndTheTokenIsSpent() throws IOException {
        SessionBinding mine = rig.open("bob");
        SessionBinding phone = rig.open("bob");
        FakeRequest request = signedIn("/sessions/log_out/all/get", mine);
        request.parameters.put("token", OneTimeTokens.issue(request.proxy(), rig.clock, Duration.ofMinutes(5)));
        request.parameters.put("keep_current", "true");

        servlet.doGet(request.proxy(), response.proxy());

        assertEquals(303, response.status);
        assertTrue(rig.registry.isLive(mine.handle()));
        assertFalse(rig.registry.isLive(phone.handle()));

        FakeResponse again = new FakeResponse();
        servlet.doGet(request.proxy(), again.proxy());
        assertEquals(200, again.status, "a spent token only gets the confirmation page");
        assertTrue(again.body.toString().contains("name=\"keep_current\" value=\"true\""), again.body.toString());
    }

    @Test
    void getAllWhenTokenHasExpiredThenOnlyTheConfirmationPage() throws IOException {
        SessionBinding mine = rig.open("bob");
        FakeRequest request = signedIn("/sessions/log_out/all/get", mine);
        request.parameters.put("token", OneTimeTokens.issue(request.proxy(), rig.clock, Duration.ofMinutes(5)));
        rig.clock.advance(Duration.ofMinutes(5));

        servlet.doGet(request.proxy(), response.proxy());

        assertEquals(200, response.status);
        assertTrue(rig.registry.isLive(mine.handle()));
    }

    private static FakeRequest post(String path, SessionBinding binding) {
        FakeRequest request = signedIn(path, binding);
        request.method = "POST";
        return request;
    }

    private static FakeRequest signedIn(String path, SessionBinding binding) {
        FakeRequest request = FakeRequest.get(path).withSession().signedIn(binding.user()).header("Accept", "text/html");
        request.session.attributes.put(SessionBinding.ATTRIBUTE, binding);
        return request;
    }
}
