package dev.signoff.filter;

import dev.signoff.cookies.CookieSpec;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests a login cookie may authenticate, and how the request that logs in is noted. */
class LoginCookiesTest {
    private static final List<CookieSpec> LTPA = List.of(CookieSpec.parse("LtpaToken2; Path=/; HttpOnly"));

    private final Map<String, Object> attributes = new HashMap<>();
    private boolean sessionExists;
    private Principal principal;
    private boolean committed;

    @Test
    void carriedWhenRequestHasTheCookieThenTrue() {
        assertTrue(LoginCookies.carried(request(new Cookie("JSESSIONID", "x"), new Cookie("LtpaToken2", "t")), LTPA));
    }

    @Test
    void carriedWhenOnlyOtherCookiesThenFalse() {
        assertFalse(LoginCookies.carried(request(new Cookie("JSESSIONID", "x")), LTPA));
    }

    @Test
    void carriedWhenNoLoginCookiesConfiguredThenFalse() {
        assertFalse(LoginCookies.carried(request(new Cookie("LtpaToken2", "t")), List.of()));
    }

    @Test
    void loginWithoutSessionWhenCookieButNoHttpSessionThenTrue() {
        assertTrue(LoginCookies.loginWithoutSession(request(new Cookie("LtpaToken2", "t")), "alice", LTPA));
    }

    @Test
    void loginWithoutSessionWhenSessionSawTheLoginOfThisUserThenFalse() {
        sessionExists = true;
        attributes.put(LoginCookies.LOGGED_IN, "alice");

        assertFalse(LoginCookies.loginWithoutSession(request(new Cookie("LtpaToken2", "t")), "alice", LTPA));
    }

    @Test
    void loginWithoutSessionWhenSessionSawAnotherUsersLoginThenTrue() {
        sessionExists = true;
        attributes.put(LoginCookies.LOGGED_IN, "bob");

        assertTrue(LoginCookies.loginWithoutSession(request(new Cookie("LtpaToken2", "t")), "alice", LTPA));
    }

    @Test
    void loginWithoutSessionWhenAnonymousSessionOfItsOwnThenTrue() {
        sessionExists = true;

        assertTrue(LoginCookies.loginWithoutSession(request(new Cookie("LtpaToken2", "t")), "alice", LTPA));
    }

    @Test
    void loginWithoutSessionWhenNoLoginCookieThenFalse() {
        assertFalse(LoginCookies.loginWithoutSession(request(), "alice", LTPA));
    }

    @Test
    void noteLoginWhenRequestLoggedInThenSessionCreatedAndMarked() {
        principal = () -> "alice";

        LoginCookies.noteLogin(request(), response(), LTPA);

        assertTrue(sessionExists);
        assertEquals("alice", attributes.get(LoginCookies.LOGGED_IN));
    }

    @Test
    void noteLoginWhenStillAnonymousThenNoSession() {
        LoginCookies.noteLogin(request(), response(), LTPA);

        assertFalse(sessionExists);
    }

    @Test
    void noteLoginWhenResponseCommittedThenNothingMarked() {
        principal = () -> "alice";
        committed = true;

        LoginCookies.noteLogin(request(), response(), LTPA);

        assertNull(attributes.get(LoginCookies.LOGGED_IN));
    }

    @Test
    void noteLoginWhenNoLoginCookiesConfiguredThenNoSession() {
        principal = () -> "alice";

        LoginCookies.noteLogin(request(), response(), List.of());

        assertFalse(sessionExists);
    }

    @Test
    void boundWhenMarkedThenMarkRemoved() {
        sessionExists = true;
        attributes.put(LoginCookies.LOGGED_IN, "alice");

        LoginCookies.bound(request());

        assertNull(attributes.get(LoginCookies.LOGGED_IN));
    }

    private HttpServletRequest request(Cookie... cookies) {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    case "getUserPrincipal" -> principal;
                    case "getSession" -> {
                        boolean create = args != null && args.length == 1 && (Boolean) args[0];
                        if (create) {
                            sessionExists = true;
                        }
                        yield sessionExists ? session : null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCommitted" -> committed;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
