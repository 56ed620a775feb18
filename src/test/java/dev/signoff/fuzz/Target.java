package dev.signoff.fuzz;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the fuzzer is pointed at: an app's context URL, its paths, and a signed-in victim — the
 * victim's cookies (session, remember-me) and the strings only the victim's own pages contain
 * ({@code markers}: the user's name as the app prints it, the victim's session handles).
 */
public record Target(URI context, List<String> paths, Map<String, String> victimCookies, List<String> markers) {

    public Target {
        paths = List.copyOf(paths);
        victimCookies = Map.copyOf(victimCookies);
        markers = List.copyOf(markers);
    }

    /** SignOff's own routes (under the default prefix), which every app with the JAR has. */
    public static final List<String> SIGNOFF_PATHS = List.of(
            "/sessions/log_out", "/sessions/log_out/all", "/sessions/log_out/all/get", "/sessions/api",
            "/sessions/api/users/alice", "/sessions/api/introspection", "/sessions/api/events",
            "/sessions/api/AAAAAAAAAAAAAAAAAAAAAA", "/sessions/signoff.js", "/sessions/");

    /** The demo's own routes (CONTRACT.md). */
    public static final List<String> DEMO_PATHS = List.of(
            "/", "/login", "/app/", "/app/sessions", "/app/account/password", "/app/account/email",
            "/app/sessions/end", "/app/admin/sessions", "/app/admin/sessions/end", "/app/admin/sessions/end-all",
            "/api/me", "/api/token", "/api/token/refresh", "/sessions/oidc/backchannel-logout");

    String contextPath() {
        String p = context.getRawPath();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    String hostHeader() {
        return context.getHost() + ":" + context.getPort();
    }

    String origin() {
        return context.getScheme() + "://" + hostHeader();
    }
}
