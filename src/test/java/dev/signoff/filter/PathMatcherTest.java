package dev.signoff.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathMatcherTest {
    private final PathMatcher matcher = new PathMatcher(List.of("/static/*", "*.css", "/favicon.ico"));

    @ParameterizedTest
    @ValueSource(strings = {"/static/", "/static/app.js", "/static/img/logo.png"})
    void matchesWhenUnderPrefixThenTrue(String path) {
        assertTrue(matcher.matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/staticfoo", "/statics/app.js", "/app/static/app.js"})
    void matchesWhenOnlyLooksLikePrefixThenFalse(String path) {
        assertFalse(matcher.matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/site.css", "/a/b/theme.css", "/.css"})
    void matchesWhenSuffixThenTrue(String path) {
        assertTrue(matcher.matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/site.cssx", "/site.css/edit", "/css", "/sitecss"})
    void matchesWhenSuffixNotAtEndThenFalse(String path) {
        assertFalse(matcher.matches(path));
    }

    @Test
    void matchesWhenExactThenTrue() {
        assertTrue(matcher.matches("/favicon.ico"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/favicon.ico/x", "/img/favicon.ico", "/favicon.icon", "/Favicon.ico"})
    void matchesWhenNotExactlyEqualThenFalse(String path) {
        assertFalse(matcher.matches(path));
    }

    @Test
    void matchesWhenOrdinaryPageThenFalse() {
        assertFalse(matcher.matches("/account"));
        assertFalse(matcher.matches("/"));
    }

    @Test
    void matchesWhenNoPatternsThenNothingExcluded() {
        PathMatcher none = new PathMatcher(List.of());

        assertFalse(none.matches("/static/app.js"));
        assertFalse(none.matches("/site.css"));
        assertFalse(none.matches("/"));
    }

    @Test
    void matchesWhenDefaultExcludesThenStaticAssetsOnly() {
        PathMatcher defaults = new PathMatcher(dev.signoff.config.SignOffSettings.defaults().exclude());

        assertTrue(defaults.matches("/js/app.js"));
        assertTrue(defaults.matches("/fonts/a.woff2"));
        assertFalse(defaults.matches("/account"));
        assertFalse(defaults.matches("/api/me.json"));
    }
}
