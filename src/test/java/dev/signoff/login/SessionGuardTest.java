package dev.signoff.login;

import dev.signoff.testing.FakeRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session the server keeps for another user (Liberty's SESN0008E) is no session here, not a 500. */
class SessionGuardTest {

    /** Named as Liberty's {@code com.ibm.websphere.servlet.session.UnauthorizedSessionRequestException}. */
    static class UnauthorizedSessionRequestException extends RuntimeException {
    }

    @Test
    void whenTheServerRefusesTheSessionThenRefusedAndNone() {
        HttpServletRequest request = throwing(new UnauthorizedSessionRequestException());

        assertTrue(SessionGuard.ask(request).refused());
        assertNull(SessionGuard.ask(request).session());
        assertNull(SessionGuard.current(request));
    }

    @Test
    void whenTheSessionWasInvalidatedThenNone() {
        assertNull(SessionGuard.current(throwing(new IllegalStateException("invalidated"))));
    }

    @Test
    void whenAnyOtherFailureThenItIsNotHidden() {
        HttpServletRequest request = throwing(new UnsupportedOperationException("a bug"));

        assertThrows(UnsupportedOperationException.class, () -> SessionGuard.ask(request));
        assertThrows(UnsupportedOperationException.class, () -> SessionGuard.current(request));
    }

    @Test
    void whenTheSessionIsThereThenItIsGiven() {
        FakeRequest r = FakeRequest.get("/app/").withSession();

        assertFalse(SessionGuard.ask(r.proxy()).refused());
        assertNotNull(SessionGuard.ask(r.proxy()).session());
        assertNotNull(SessionGuard.current(r.proxy()));
    }

    private static HttpServletRequest throwing(RuntimeException e) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionGuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getSession")) {
                        throw e;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
