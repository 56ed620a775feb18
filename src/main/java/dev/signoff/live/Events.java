package dev.signoff.live;

import dev.signoff.events.EndReason;
import dev.signoff.web.Json;

/**
 * The text of the event stream: SSE framing ({@code event:}, {@code data:}, {@code retry:},
 * comment lines) and its small JSON payload ({@link Json}).
 */
final class Events {
    /** Milliseconds a browser waits before reconnecting a stream the server closed. */
    static final long RETRY_MILLIS = 3000;
    /** Reason sent when the registry no longer knows the session at all. */
    static final String UNKNOWN_REASON = "unknown";

    private Events() {
    }

    /** The first lines of a stream: the reconnect delay and a comment that makes proxies pass the headers on. */
    static String opening(long retryMillis) {
        return "retry: " + retryMillis + "\n: connected\n\n";
    }

    /** A comment line; clients ignore it, proxies see traffic. */
    static String heartbeat() {
        return ": heartbeat\n\n";
    }

    /** {@code event: revoked} with {@code {"reason": "...", "login": "..."}}. */
    static String revoked(String reason, String loginUrl) {
        return "event: revoked\ndata: " + revokedJson(reason, loginUrl) + "\n\n";
    }

    static String revokedJson(String reason, String loginUrl) {
        return Json.object("reason", reason, "login", loginUrl);
    }

    static String reason(EndReason reason) {
        return reason == null ? UNKNOWN_REASON : reason.code();
    }

}
