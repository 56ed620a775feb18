package dev.signoff.cookies;

import dev.signoff.config.SettingsLoader;
import dev.signoff.config.SignOffSettings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CookieDeleterTest {
    private static final String EXPIRED = "Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

    @Test
    void sessionCookieWhenNothingConfiguredThenJsessionidAtContextPath() {
        CookieSpec spec = CookieDeleter.sessionCookie(context("/app", new CookieConfig()));

        assertEquals(new CookieSpec("JSESSIONID", "/app", Optional.empty(), false, false, Optional.empty()), spec);
    }

    @Test
    void sessionCookieWhenRootContextThenPathSlash() {
        assertEquals("/", CookieDeleter.sessionCookie(context("", new CookieConfig())).path());
    }

    @Test
    void sessionCookieWhenConfiguredThenEveryAttributeTakenFromConfig() {
        CookieConfig config = new CookieConfig();
        config.name = "SID";
        config.path = "/";
        config.domain = "example.com";
        config.secure = true;
        config.httpOnly = true;
        config.attributes.put("SameSite", "Strict");

        CookieSpec spec = CookieDeleter.sessionCookie(context("/app", config));

        assertEquals("SID=; Path=/; Domain=example.com; " + EXPIRED + "; Secure; HttpOnly; SameSite=Strict",
                spec.deletionHeader());
    }

    @Test
    void deleteAllWhenAppCookiesConfiguredThenOneHeaderPerVariantAfterSessionCookie() {
        CookieConfig config = new CookieConfig();
        config.httpOnly = true;
        SignOffSettings settings = settings(Map.of("signoff.cookies", "legacy; Path=/, legacy; Path=/app; Domain=example.com"));
        SetCookies response = new SetCookies();

        CookieDeleter.of(context("/app", config), settings.cookies(), settings.loginCookies()).deleteAll(response.proxy());

        assertEquals(List.of(
                "JSESSIONID=; Path=/app; " + EXPIRED + "; HttpOnly",
                "legacy=; Path=/; " + EXPIRED,
                "legacy=; Path=/app; Domain=example.com; " + EXPIRED), response.headers);
    }

    @Test
    void deleteAllWhenResponseAlreadySetsSessionCookieThenReplacedByDeletionAndOtherCookiesKept() {
        SetCookies response = new SetCookies();
        response.headers.add("JSESSIONID=fresh-id; Path=/app; HttpOnly");
        response.headers.add("theme=dark; Path=/");
        response.headers.add("remember_me=renewed; Path=/");
        SignOffSettings settings = settings(Map.of("signoff.cookies", "remember_me; Path=/"));

        CookieDeleter.of(context("/app", new CookieConfig()), settings.cookies(), settings.loginCookies()).deleteAll(response.proxy());

        assertEquals(List.of(
                "theme=dark; Path=/",
                "JSESSIONID=; Path=/app; " + EXPIRED,
                "remember_me=; Path=/; " + EXPIRED), response.headers);
    }

    @Test
    void deleteAllWhenCookieNameIsPrefixOfAnotherThenOtherKept() {
        SetCookies response = new SetCookies();
        response.headers.add("JSESSIONID_TRACE=1; Path=/");

        CookieDeleter.of(context("", new CookieConfig()), List.of(), List.of()).deleteAll(response.proxy());

        assertEquals(List.of("JSESSIONID_TRACE=1; Path=/", "JSESSIONID=; Path=/; " + EXPIRED), response.headers);
    }

    /**
     * SignOff's own settings {@code session-cookie.secure=false} plus {@code session-cookie.same-site=None}
     * make {@link SessionCookieHardening} configure such a session cookie; every logout must still
     * delete every cookie instead of failing on the admin rules meant for {@code signoff.cookies}.
     */
    @Test
    void deleteAllWhenSessionCookieIsSameSiteNoneWithoutSecureThenAppCookiesStillDeleted() {
        CookieConfig config = new CookieConfig();
        config.attributes.put("SameSite", "None");
        SignOffSettings settings = settings(Map.of("signoff.cookies", "remember_me; Path=/"));
        SetCookies response = new SetCookies();

        assertDoesNotThrow(() -> CookieDeleter.of(context("/app", config), settings.cookies(), settings.loginCookies()).deleteAll(response.proxy()));
        assertEquals(List.of(
                "JSESSIONID=; Path=/app; " + EXPIRED + "; SameSite=None",
                "remember_me=; Path=/; " + EXPIRED), response.headers);
    }

    private static SignOffSettings settings(Map<String, String> contextParams) {
        return SettingsLoader.load(contextParams::get, Map.of(), Map.of()).settings();
    }

    /** The few SessionCookieConfig getters CookieDeleter reads; fields set by each test. */
    private static final class CookieConfig {
        String name;
        String path;
        String domain;
        boolean secure;
        boolean httpOnly;
        final Map<String, String> attributes = new HashMap<>();

        SessionCookieConfig proxy() {
            return (SessionCookieConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{SessionCookieConfig.class}, (p, method, args) -> switch (method.getName()) {
                        case "getName" -> name;
                        case "getPath" -> path;
                        case "getDomain" -> domain;
                        case "isSecure" -> secure;
                        case "isHttpOnly" -> httpOnly;
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "toString" -> "test SessionCookieConfig";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static ServletContext context(String contextPath, CookieConfig config) {
        SessionCookieConfig cookieConfig = config.proxy();
        return (ServletContext) Proxy.newProxyInstance(CookieDeleterTest.class.getClassLoader(),
                new Class<?>[]{ServletContext.class}, (p, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    case "getSessionCookieConfig" -> cookieConfig;
                    case "toString" -> "test ServletContext " + contextPath;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A response that keeps its Set-Cookie headers in order, as a container does. */
    static final class SetCookies {
        final List<String> headers = new ArrayList<>();
        boolean committed;

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{HttpServletResponse.class}, (p, method, args) -> {
                        String name = method.getName();
                        if (name.equals("toString")) {
                            return "test HttpServletResponse " + headers;
                        }
                        if (name.equals("isCommitted")) {
                            return committed;
                        }
                        if (!"Set-Cookie".equals(args == null ? null : args[0])) {
                            throw new UnsupportedOperationException(name + " " + (args == null ? "" : args[0]));
                        }
                        switch (name) {
                            case "getHeaders" -> {
                                return List.copyOf(headers);
                            }
                            case "setHeader" -> {
                                headers.clear();
                                if (args[1] != null) { // null removes the header (Servlet 4.0)
                                    headers.add((String) args[1]);
                                }
                            }
                            case "addHeader" -> headers.add((String) args[1]);
                            default -> throw new UnsupportedOperationException(name);
                        }
                        return null;
                    });
        }
    }
}
