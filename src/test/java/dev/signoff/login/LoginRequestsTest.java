package dev.signoff.login;

import dev.signoff.config.Configuration;
import dev.signoff.testing.FakeRequest;
import dev.signoff.testing.FakeSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A form login's id changes in its own answer, once, and the session is marked only when the login did not fail. */
class LoginRequestsTest {
    private static final String GLASSFISH = "GlassFish Server Open Source Edition  7.0.25";
    private static final String WILDFLY = "WildFly Full 35.0.1.Final (WildFly Core 27.0.1.Final) - 2.3.18.Final";

    private final LoginRequests listener = new LoginRequests();

    LoginRequestsTest() {
        listener.configuration = Configuration.defaults();
    }

    /** Found by the fuzz campaign: a forged login POST riding on a signed-in user's cookie signed the user out. */
    @Test
    void whenAFormLoginComesFromAnotherSiteThenTheSessionKeepsItsIdAndNoMarkWaits() {
        FakeRequest r = formLogin();
        r.header("Sec-Fetch-Site", "cross-site");
        String id = r.session.id;

        run(r, GLASSFISH, () -> r.principal = null);

        assertEquals(id, r.session.id);
        assertEquals(0, r.rotations);
        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenFormLoginStartsThenIdChangedBeforeTheContainerAnswersAndMarkedAtItsEnd() {
        FakeRequest r = formLogin();
        String planted = r.session.id;

        run(r, GLASSFISH, () -> r.principal = null); // GlassFish names the user only on the next request

        assertNotEquals(planted, r.session.id);
        assertEquals(1, r.rotations);
        assertEquals(new LoginMark(null, r.session.id, planted), r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenWildFlyChangesTheIdItselfThenNotChangedAtTheStartAndMarkedForTheUser() {
        FakeRequest r = formLogin();
        String planted = r.session.id;

        run(r, WILDFLY, () -> {
            assertEquals(0, r.rotations, "WildFly's form login fails when the id changed before it");
            r.session.id = "changed-by-wildfly";
            r.signedIn("carol");
        });

        assertEquals("changed-by-wildfly", r.session.id);
        assertEquals(new LoginMark("carol", r.session.id, planted), r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenNobodyChangedTheIdThenChangedAtTheEnd() {
        FakeRequest r = formLogin();
        String planted = r.session.id;

        run(r, WILDFLY, () -> r.signedIn("carol"));

        assertNotEquals(planted, r.session.id);
        assertEquals(new LoginMark("carol", r.session.id, planted), r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenLoginForwardedToTheErrorPageThenNotMarked() {
        FakeRequest r = formLogin();

        run(r, GLASSFISH, () -> forwardToErrorPage(r));

        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenAJakartaSecurityMechanismHandledItThenLeftToTheInterceptor() {
        FakeRequest r = formLogin();

        run(r, GLASSFISH, () -> LoginState.of(r.proxy()).mechanismRan = true);

        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenOtherRequestThenUntouched() {
        FakeRequest r = FakeRequest.get("/app/page").withSession();
        r.method = "POST";
        String id = r.session.id;

        run(r, GLASSFISH, () -> { });

        assertEquals(id, r.session.id);
        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenFormLoginCameWithoutSessionThenOneIsMadeAtOnceAndMarked() {
        FakeRequest r = formLogin();
        r.session = null;
        r.requestedSessionId = null;

        run(r, GLASSFISH, () -> assertNotNull(r.session, "made before the container answers"));

        assertEquals(0, r.rotations);
        assertEquals(new LoginMark(null, r.session.id), r.session.attributes.get(LoginRotation.MARK));
    }

    /** The id as the client sent it, even when a concurrent login changed the session's id before the listener ran. */
    @Test
    void whenRequestStartsThenTheIdAsTheClientSentItIsKept() {
        FakeRequest r = FakeRequest.get("/app/page").withSession();
        String sent = r.session.id;
        r.session.id = "changed-by-another-request";

        run(r, GLASSFISH, () -> assertEquals(sent, LoginState.of(r.proxy()).entryId));
    }

    /** WildFly drops the request's attributes of a j_security_check its mechanism answered: the thread still knows. */
    @Test
    void whenRequestLostItsAttributesThenItsLoginIsStillCompleted() {
        FakeRequest r = formLogin();
        String planted = r.session.id;

        run(r, WILDFLY, () -> {
            LoginState.of(r.proxy()).mechanismRan = true; // Jakarta Security's form mechanism, as MechanismLoginInterceptor notes it
            LoginRotation.rotate(r.proxy(), "alice");
            r.attributes.clear();
        });

        assertEquals(new LoginMark("alice", r.session.id, planted), r.session.attributes.get(LoginRotation.MARK));
    }

    /**
     * The container's redirect can reach the browser, and its next request the server, before the
     * login's request has ended (seen on WildFly under load): that request, with the new id, holds
     * the login; one with the planted id does not, even while the container has not changed it yet.
     */
    @Test
    void whenTheNextRequestArrivesBeforeTheLoginEndedThenTheNewIdHoldsItAndThePlantedOneNever() {
        FakeRequest login = formLogin();
        String planted = login.session.id;

        run(login, WILDFLY, () -> {
            login.signedIn("carol");
            assertEquals(LoginRotation.Claim.NOT_HOLDER, claimBy(login.session, planted),
                    "the container stored the login but has not changed the id yet");
            login.session.id = "changed-by-wildfly";
            assertEquals(LoginRotation.Claim.NOT_HOLDER, claimBy(login.session, planted));
            assertEquals(LoginRotation.Claim.BIND, claimBy(login.session, "changed-by-wildfly"));
        });
    }

    @Test
    void whenTheNextRequestArrivesBeforeAGlassFishLoginEndedThenTheRotatedIdHoldsIt() {
        FakeRequest login = formLogin();
        String planted = login.session.id;

        run(login, GLASSFISH, () -> {
            assertEquals(LoginRotation.Claim.NOT_HOLDER, claimBy(login.session, planted));
            assertEquals(LoginRotation.Claim.BIND, claimBy(login.session, login.session.id));
        });
    }

    /** Another request of the same session, coming with {@code id}, claims the login for carol. */
    private LoginRotation.Claim claimBy(FakeSession session, String id) {
        FakeRequest next = FakeRequest.get("/app/");
        next.session = session;
        next.requestedSessionId = id;
        ServletRequestEvent event = new ServletRequestEvent(context(GLASSFISH), next.proxy());
        listener.requestInitialized(event);
        try {
            return LoginRotation.claim(next.proxy(), session.proxy(), "carol"); // BIND takes the mark: ask it last
        } finally {
            listener.requestDestroyed(event);
        }
    }

    private static FakeRequest formLogin() {
        FakeRequest r = FakeRequest.get("/j_security_check").withSession();
        r.method = "POST";
        return r;
    }

    /** The request as the container runs it: listener start, what the container does, listener end. */
    private void run(FakeRequest r, String server, Runnable container) {
        ServletRequestEvent event = new ServletRequestEvent(context(server), r.proxy());
        listener.requestInitialized(event);
        container.run();
        listener.requestDestroyed(event);
    }

    private static void forwardToErrorPage(FakeRequest r) {
        FilterChain errorPage = (request, response) -> { };
        try {
            new LoginRequests.Forwards().doFilter(r.proxy(), response(), errorPage);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ServletContext context(String serverInfo) {
        return (ServletContext) Proxy.newProxyInstance(LoginRequestsTest.class.getClassLoader(), new Class<?>[]{ServletContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getServerInfo")) {
                        return serverInfo;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(LoginRequestsTest.class.getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                (proxy, method, args) -> { throw new UnsupportedOperationException(method.getName()); });
    }
}
