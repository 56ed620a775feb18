package dev.signoff.filter;

import java.util.List;

/**
 * Matches request paths (relative to the context root) against the {@code signoff.exclude} patterns:
 * {@code /static/*} (prefix), {@code *.css} (suffix) or {@code /exact}.
 */
final class PathMatcher {
    private final String[] prefixes;
    private final String[] suffixes;
    private final String[] exact;

    PathMatcher(List<String> patterns) {
        prefixes = patterns.stream().filter(p -> p.endsWith("/*")).map(p -> p.substring(0, p.length() - 1)).toArray(String[]::new);
        suffixes = patterns.stream().filter(p -> p.startsWith("*.")).map(p -> p.substring(1)).toArray(String[]::new);
        exact = patterns.stream().filter(p -> !p.endsWith("/*") && !p.startsWith("*.")).toArray(String[]::new);
    }

    boolean matches(String path) {
        for (String p : prefixes) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        for (String s : suffixes) {
            if (path.endsWith(s)) {
                return true;
            }
        }
        for (String e : exact) {
            if (path.equals(e)) {
                return true;
            }
        }
        return false;
    }
}
