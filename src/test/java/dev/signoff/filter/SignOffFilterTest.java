package dev.signoff.filter;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.session.SessionBinding;
import dev.signoff.session.SessionChecker;
import dev.signoff.session.Verdict;
import dev.signoff.tokens.BearerGate;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The filter's cheap first step: which requests reach the session check. Only the exclusion and
 * the live path are exercised here; ending sessions needs a container (see the *IT tests).
 */
class SignOffFilterTest {
    private static final String DIGEST = "d1".repeat(32);
    private static final SessionBinding BINDING = new SessionBinding("handle-of-session-1xyz", DIGEST, "alice");

    private final List<String> checked = new ArrayList<>();
    private int passedOn;
    private SignOffFilter filter;

    @BeforeEach
    void setUp() {
        filter = new SignOffFilter();
        filter.configuration = new Configuration() {
            @Override
            public SignOffSettings settings() {
                return SignOffSettings.defaults();
            }
        };
        filter.checker = new SessionChecker() {
            @Override
            public Verdict check(String digest) {
                checked.add(digest);
                return Verdict.LIVE;
            }
        };
        filter.bearer = new BearerGate() {
            @Override
            public Verdict check(String authorization) {
                return Verdict.PASS; // no Bearer checking configured
            }
        };
        filter.init();
    }

    @Test
    void doFilterWhenPageOfBoundSessionThenCheckedAndPassedOn() throws Exception {
        filter.doFilter(request("/app/account", true), response(), chain());

        assertEquals(List.of(DIGEST), checked);
        assertEquals(1, passedOn);
    }

    @Test
    void doFilterWhenExcludedStaticAssetThenPassedOnUnchecked() throws Exception {
        filter.doFilter(request("/app/css/site.css", true), response(), chain());

        assertEquals(List.of(), checked);
        assertEquals(1, passedOn);
    }

    @Test
    void doFilterWhenNoSessionThenPassedOnUnchecked() throws Exception {
        filter.doFilter(request("/app/account", false), response(), chain());

        assertEquals(List.of(), checked);
        assertEquals(1, passedOn);
    }

    @Test
    void doFilterWhenPathParameterHoldsSessionIdThenStillChecked() throws Exception {
        filter.doFilter(request("/app/account;jsessionid=ABC123", true), response(), chain());

        assertEquals(List.of(DIGEST), checked);
    }

    /**
     * The container maps {@code /account;x.css} to the {@code /account} servlet (path parameters are
     * not part of the mapped path), so an exclusion judged on the raw request URI lets a revoked
     * session reach any page by appending {@code ;x.css}.
     */
    @Test
    void doFilterWhenPathParameterEndsLikeExcludedSuffixThenStillChecked() throws Exception {
        filter.doFilter(request("/app/account;x.css", true), response(), chain());

        assertEquals(List.of(DIGEST), checked);
    }

    private FilterChain chain() {
        return (request, response) -> passedOn++;
    }

    /**
     * A request under context path {@code /app}. The servlet path is what a container maps: the URI
     * without context path and without path parameters.
     */
    private static HttpServletRequest request(String requestUri, boolean withSession) {
        String contextPath = "/app";
        String mapped = requestUri.substring(contextPath.length()).replaceAll(";[^/]*", "");
        HttpSession session = withSession ? session() : null;
        return (HttpServletRequest) Proxy.newProxyInstance(SignOffFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> requestUri;
                    case "getContextPath" -> contextPath;
                    case "getServletPath" -> mapped;
                    case "getPathInfo", "getUserPrincipal", "getHeader", "getAttribute", "getQueryString" -> null;
                    case "getSession" -> session;
                    case "getMethod" -> "GET";
                    case "toString" -> "GET " + requestUri;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpSession session() {
        return (HttpSession) Proxy.newProxyInstance(SignOffFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> SessionBinding.ATTRIBUTE.equals(args[0]) ? BINDING : null;
                    case "toString" -> "test HttpSession";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(SignOffFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "test HttpServletResponse";
                    }
                    if (method.getName().equals("isCommitted")) {
                        return true; // the app has answered: nothing of SignOff's may change it now
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
