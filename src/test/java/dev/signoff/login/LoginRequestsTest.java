package dev.signoff.login;

import dev.signoff.testing.FakeRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A form login's id changes in its own answer, once, and only when the container left it. */
class LoginRequestsTest {
    private final LoginRequests listener = new LoginRequests();

    @Test
    void whenLoginSucceedsAndIdUnchangedThenChangedInItsAnswerAndMarked() {
        FakeRequest r = formLogin();
        String planted = r.session.id;

        run(r, () -> r.principal = null); // GlassFish: the user is named only on the next request

        assertNotEquals(planted, r.session.id);
        assertEquals(1, r.rotations);
        assertEquals(new LoginMark(null, r.session.id), r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenContainerChangedTheIdThenOnlyMarkedForTheUser() {
        FakeRequest r = formLogin();

        run(r, () -> {
            r.session.id = "changed-by-wildfly";
            r.signedIn("carol");
        });

        assertEquals("changed-by-wildfly", r.session.id);
        assertEquals(0, r.rotations);
        assertEquals(new LoginMark("carol", r.session.id), r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenLoginForwardedToTheErrorPageThenNothingChanges() throws Exception {
        FakeRequest r = formLogin();
        String id = r.session.id;

        run(r, () -> forwardToErrorPage(r));

        assertEquals(id, r.session.id);
        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenAJakartaSecurityMechanismHandledItThenLeftToTheInterceptor() {
        FakeRequest r = formLogin();
        String id = r.session.id;

        run(r, () -> r.attributes.put(MechanismLoginInterceptor.RAN, Boolean.TRUE));

        assertEquals(id, r.session.id);
        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenOtherRequestThenUntouched() {
        FakeRequest r = FakeRequest.get("/app/page").withSession();
        r.method = "POST";
        String id = r.session.id;

        run(r, () -> { });

        assertEquals(id, r.session.id);
        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void whenFormLoginCameWithoutSessionThenTheNewOneIsMarked() {
        FakeRequest r = formLogin();
        r.session = null;

        run(r, () -> r.proxy().getSession(true));

        assertEquals(0, r.rotations);
        assertEquals(new LoginMark(null, r.session.id), r.session.attributes.get(LoginRotation.MARK));
    }

    /** The id as the client sent it, even when a concurrent login changed the session's id before the listener ran. */
    @Test
    void whenRequestStartsThenTheIdAsTheClientSentItIsKept() {
        FakeRequest r = FakeRequest.get("/app/page").withSession();
        String sent = r.session.id;
        r.session.id = "changed-by-another-request";

        run(r, () -> { });

        assertEquals(sent, r.attributes.get(LoginRotation.ENTRY_ID));
    }

    private static FakeRequest formLogin() {
        FakeRequest r = FakeRequest.get("/j_security_check").withSession();
        r.method = "POST";
        return r;
    }

    /** The request as the container runs it: listener start, what the container does, listener end. */
    private void run(FakeRequest r, Runnable container) {
        ServletRequestEvent event = new ServletRequestEvent(context(), r.proxy());
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

    private static ServletContext context() {
        return (ServletContext) Proxy.newProxyInstance(LoginRequestsTest.class.getClassLoader(), new Class<?>[]{ServletContext.class},
                (proxy, method, args) -> { throw new UnsupportedOperationException(method.getName()); });
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(LoginRequestsTest.class.getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                (proxy, method, args) -> { throw new UnsupportedOperationException(method.getName()); });
    }
}
