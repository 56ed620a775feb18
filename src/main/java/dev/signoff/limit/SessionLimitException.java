package dev.signoff.limit;

/**
 * A login was refused because the user has {@code signoff.max-sessions} live sessions already and
 * the policy is {@code refuse}. Nothing was stored. The filter answers it by itself (back to the
 * login page with {@code ?reason=session_limit}, or {@code 409} JSON); an app that calls
 * {@link dev.signoff.SignOff#start} gets it thrown, after SignOff has undone the container login.
 *
 * <pre>{@code
 * try {
 *     signOff.start(request, response, user);
 * } catch (SessionLimitException e) {
 *     response.sendError(409, "Sign out on another device first (" + e.limit() + " sessions at most).");
 * }
 * }</pre>
 */
public class SessionLimitException extends RuntimeException {
    /** The reason code pages and JSON answers carry. */
    public static final String CODE = "session_limit";
    private static final String TEMPLATE = "User %s has the most sessions allowed (%d); the new login is refused";

    private final String user;
    private final int limit;

    public SessionLimitException(String user, int limit) {
        super(String.format(TEMPLATE, user, limit));
        this.user = user;
        this.limit = limit;
    }

    /** The user who was refused. */
    public String user() {
        return user;
    }

    /** The configured maximum. */
    public int limit() {
        return limit;
    }
}
