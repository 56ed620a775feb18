package dev.signoff.logout;

import dev.signoff.registry.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One-time tokens for {@code GET <prefix>/log_out/all/get}: single use, short lived, bound to the
 * HttpSession they were issued in (kept in it as digests, so a token from another session is
 * worthless and a replicated session carries no usable secret).
 */
public final class OneTimeTokens {
    static final String ATTRIBUTE = "dev.signoff.oneTimeTokens";
    private static final int MAX_OPEN = 16;

    private OneTimeTokens() {
    }

    /** Issues a token in the request's existing session; empty string when there is no session. */
    public static String issue(HttpServletRequest request, Clock clock, Duration ttl) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "";
        }
        String token = Tokens.newToken();
        synchronized (session) {
            Issued issued = issued(session);
            long now = clock.millis();
            issued.expiries.values().removeIf(expiry -> expiry <= now);
            if (issued.expiries.size() >= MAX_OPEN) {
                issued.expiries.clear();
            }
            issued.expiries.put(Tokens.digest(token), now + ttl.toMillis());
            session.setAttribute(ATTRIBUTE, issued);
        }
        return token;
    }

    /** Consumes a token: true once for a token issued in this session and not expired. */
    public static boolean consume(HttpServletRequest request, String token, Clock clock) {
        HttpSession session = request.getSession(false);
        if (session == null || token == null || token.length() != 43) {
            return false;
        }
        synchronized (session) {
            Object value = session.getAttribute(ATTRIBUTE);
            if (!(value instanceof Issued issued)) {
                return false;
            }
            Long expiry = issued.expiries.remove(Tokens.digest(token));
            session.setAttribute(ATTRIBUTE, issued);
            return expiry != null && expiry > clock.millis();
        }
    }

    private static Issued issued(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof Issued i ? i : new Issued();
    }

    /** The digests of open tokens with their expiry. */
    static final class Issued implements Serializable {
        private static final long serialVersionUID = 1L;
        final Map<String, Long> expiries = new HashMap<>();
    }
}
