package dev.signoff.web;

import dev.signoff.config.CrossSiteRule;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestsTest {
    private static final CrossSiteRule NONE_ALLOWED = new CrossSiteRule(List.of(), CrossSiteRule.WithoutOrigin.REFERER);
    private static final CrossSiteRule STRICT = new CrossSiteRule(List.of(), CrossSiteRule.WithoutOrigin.REFUSE);
    private static final String COOKIE = "JSESSIONID=abc";

    // --- safeNext -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app/", "/app/page?x=1&y=%2F%2F#top", "/a/b/../c", "/%2F%2Fevil.com"})
    void safeNextWhenSameOriginPathThenKept(String next) {
        assertEquals(Optional.of(next), Requests.safeNext(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "//evil.com",
            "/\\evil.com",
            "https://evil.com",
            "javascript:alert(1)",
            "evil.com",
            "app/",
            "/a\r\nSet-Cookie:x",
            "/a\tb",
            "/a b",
            "/app\\..\\evil",
            "/caf\u00e9",
            "/\u2215\u2215evil.com"})
    void safeNextWhenNotASafeSameOriginPathThenEmpty(String next) {
        assertEquals(Optional.empty(), Requests.safeNext(next));
    }

    @Test
    void safeNextWhenNullThenEmpty() {
        assertEquals(Optional.empty(), Requests.safeNext(null));
    }

    @Test
    void safeNextWhenLongerThan2048CharactersThenEmpty() {
        String ok = "/" + "a".repeat(2047);
        String tooLong = ok + "a";

        assertEquals(Optional.of(ok), Requests.safeNext(ok));
        assertEquals(Optional.empty(), Requests.safeNext(tooLong));
    }

    // --- wantsJson ------------------------------------------------------------------------------

    @Test
    void wantsJsonWhenAcceptJsonThenTrue() {
        assertTrue(Requests.wantsJson(request(Map.of("Accept", "application/json"))));
    }

    @Test
    void wantsJsonWhenJsonListedBeforeHtmlThenTrue() {
        assertTrue(Requests.wantsJson(request(Map.of("Accept", "Application/JSON, text/html;q=0.5"))));
    }

    @Test
    void wantsJsonWhenXmlHttpRequestHeaderThenTrue() {
        assertTrue(Requests.wantsJson(request(Map.of("X-Requested-With", "XMLHttpRequest", "Accept", "*/*"))));
    }

    @Test
    void wantsJsonWhenHtmlListedBeforeJsonThenFalse() {
        assertFalse(Requests.wantsJson(request(Map.of("Accept", "text/html,application/json"))));
    }

    @Test
    void wantsJsonWhenBrowserNavigationThenFalse() {
        assertFalse(Requests.wantsJson(request(Map.of(
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))));
    }

    @Test
    void wantsJsonWhenNoHeadersThenFalse() {
        assertFalse(Requests.wantsJson(request(Map.of())));
    }

    // --- wantsPage ------------------------------------------------------------------------------

    @Test
    void wantsPageWhenBrowserNavigationThenTrue() {
        assertTrue(Requests.wantsPage(request(Map.of(
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))));
    }

    @Test
    void wantsPageWhenHtmlListedBeforeJsonThenTrue() {
        assertTrue(Requests.wantsPage(request(Map.of("Accept", "Text/HTML,application/json"))));
    }

    @Test
    void wantsPageWhenJsonListedBeforeHtmlThenFalse() {
        assertFalse(Requests.wantsPage(request(Map.of("Accept", "application/json, text/html"))));
    }

    @Test
    void wantsPageWhenXmlHttpRequestThenFalse() {
        assertFalse(Requests.wantsPage(request(Map.of("Accept", "text/html", "X-Requested-With", "XMLHttpRequest"))));
    }

    @Test
    void wantsPageWhenNoAcceptOrAnyTypeThenFalse() {
        assertFalse(Requests.wantsPage(request(Map.of())));
        assertFalse(Requests.wantsPage(request(Map.of("Accept", "*/*"))));
    }

    // --- ownOrigin ------------------------------------------------------------------------------

    @Test
    void ownOriginWhenDefaultPortThenPortOmitted() {
        assertEquals("http://example.com", Requests.ownOrigin(request("http", "example.com", 80, Map.of())));
        assertEquals("https://example.com", Requests.ownOrigin(request("https", "example.com", 443, Map.of())));
    }

    @Test
    void ownOriginWhenOtherPortThenPortKept() {
        assertEquals("http://localhost:8080", Requests.ownOrigin(request("http", "localhost", 8080, Map.of())));
        assertEquals("https://example.com:80", Requests.ownOrigin(request("https", "example.com", 80, Map.of())));
        assertEquals("http://example.com:443", Requests.ownOrigin(request("http", "example.com", 443, Map.of())));
    }

    @Test
    void ownOriginWhenUpperCaseSchemeAndHostThenLowerCased() {
        assertEquals("https://app.example.com", Requests.ownOrigin(request("HTTPS", "App.Example.COM", 443, Map.of())));
    }

    @Test
    void ownOriginWhenIpv6HostThenBracketed() {
        assertEquals("http://[::1]:8080", Requests.ownOrigin(request("http", "::1", 8080, Map.of())));
        assertEquals("http://[::1]:8080", Requests.ownOrigin(request("http", "[::1]", 8080, Map.of())));
    }

    // --- isCrossSite ----------------------------------------------------------------------------

    @Test
    void isCrossSiteWhenNoOriginNorFetchMetadataThenFalse() {
        assertFalse(Requests.isCrossSite(local(Map.of()), NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenOriginIsOwnOriginThenFalse() {
        assertFalse(Requests.isCrossSite(local(Map.of("Origin", "http://localhost:8080")), NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenOriginDiffersOnlyInCaseThenFalse() {
        assertFalse(Requests.isCrossSite(local(Map.of("Origin", "HTTP://LocalHost:8080")), NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenOtherOriginThenTrue() {
        assertTrue(Requests.isCrossSite(local(Map.of("Origin", "https://evil.example")), NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenSameHostOtherPortOrSchemeThenTrue() {
        assertTrue(Requests.isCrossSite(local(Map.of("Origin", "http://localhost:9090")), NONE_ALLOWED));
        assertTrue(Requests.isCrossSite(local(Map.of("Origin", "https://localhost:8080")), NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenOpaqueNullOriginThenTrue() {
        assertTrue(Requests.isCrossSite(local(Map.of("Origin", "null")), NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenOriginInAllowedListThenFalse() {
        HttpServletRequest request = local(Map.of("Origin", "https://app.example.com"));

        assertFalse(Requests.isCrossSite(request, allowing("https://other.example.com", "https://app.example.com")));
        assertTrue(Requests.isCrossSite(request, allowing("https://other.example.com")));
    }

    @Test
    void isCrossSiteWhenFetchSiteCrossSiteWithoutOriginThenTrue() {
        assertTrue(Requests.isCrossSite(local(Map.of("Sec-Fetch-Site", "cross-site")), NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenFetchSiteCrossSiteEvenWithOwnOriginThenTrue() {
        assertTrue(Requests.isCrossSite(local(Map.of("Sec-Fetch-Site", "cross-site", "Origin", "http://localhost:8080")),
                NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenFetchSiteSameOriginWithOwnOriginThenFalse() {
        assertFalse(Requests.isCrossSite(local(Map.of("Sec-Fetch-Site", "same-origin", "Origin", "http://localhost:8080")),
                NONE_ALLOWED));
    }

    @Test
    void isCrossSiteWhenDefaultPortsThenOriginWithoutPortIsOwn() {
        assertFalse(Requests.isCrossSite(request("http", "example.com", 80, Map.of("Origin", "http://example.com")),
                NONE_ALLOWED));
        assertFalse(Requests.isCrossSite(request("https", "example.com", 443, Map.of("Origin", "https://example.com")),
                NONE_ALLOWED));
        assertTrue(Requests.isCrossSite(request("https", "example.com", 443, Map.of("Origin", "http://example.com")),
                NONE_ALLOWED));
    }

    // --- test double --------------------------------------------------------------------------

    @Test
    void isCrossSiteWhenCookiesAndOnlyAForeignRefererThenTrueUnderBothRules() {
        for (CrossSiteRule rule : List.of(NONE_ALLOWED, STRICT)) {
            assertTrue(Requests.isCrossSite(local(Map.of("Cookie", COOKIE, "Referer", "https://evil.example/page")), rule));
            assertTrue(Requests.isCrossSite(local(Map.of("Cookie", COOKIE, "Referer", "http://localhost:9090/")), rule));
            assertTrue(Requests.isCrossSite(local(Map.of("Cookie", COOKIE, "Referer", "not a url")), rule));
            assertFalse(Requests.isCrossSite(local(Map.of("Cookie", COOKIE, "Referer", "http://LOCALHOST:8080/app/sessions?x=1")), rule));
        }
        assertFalse(Requests.isCrossSite(local(Map.of("Cookie", COOKIE, "Referer", "https://app.example.com/")),
                new CrossSiteRule(List.of("https://app.example.com"), CrossSiteRule.WithoutOrigin.REFUSE)), "an allowed origin");
    }

    @Test
    void isCrossSiteWhenCookiesAndNoOriginFetchSiteOrRefererThenOnlyTheStrictRuleRefuses() {
        HttpServletRequest bare = local(Map.of("Cookie", COOKIE));

        assertFalse(Requests.isCrossSite(bare, NONE_ALLOWED));
        assertTrue(Requests.isCrossSite(bare, STRICT));
    }

    @Test
    void isCrossSiteWhenNoCookiesThenNeverForLackOfHeaders() {
        assertFalse(Requests.isCrossSite(local(Map.of()), STRICT));
        assertFalse(Requests.isCrossSite(local(Map.of("Referer", "https://evil.example/")), STRICT), "nothing to forge");
    }

    @Test
    void isCrossSiteWhenFetchSiteSameOriginWithoutOriginThenFalseUnderBothRules() {
        assertFalse(Requests.isCrossSite(local(Map.of("Cookie", COOKIE, "Sec-Fetch-Site", "same-origin")), STRICT));
    }

    private static CrossSiteRule allowing(String... origins) {
        return new CrossSiteRule(List.of(origins), CrossSiteRule.WithoutOrigin.REFERER);
    }

    private static HttpServletRequest local(Map<String, String> headers) {
        return request("http", "localhost", 8080, headers);
    }

    private static HttpServletRequest request(Map<String, String> headers) {
        return local(headers);
    }

    /** A request that answers only what Requests asks; header names are case-insensitive as in HTTP. */
    private static HttpServletRequest request(String scheme, String host, int port, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return (HttpServletRequest) Proxy.newProxyInstance(RequestsTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> byName.get((String) args[0]);
                    case "getScheme" -> scheme;
                    case "getServerName" -> host;
                    case "getServerPort" -> port;
                    case "toString" -> scheme + "://" + host + ":" + port + " " + byName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
