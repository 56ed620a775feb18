package dev.signoff.events;

/**
 * Why a session ended; stored in the registry and the audit log, carried by {@link SessionEnded},
 * and sent to the session's open pages as {@link #code()}.
 *
 * <pre>{@code
 * void onEnded(@Observes SessionEnded e) {
 *     if (e.reason() == EndReason.CREDENTIALS_CHANGED) { notifyByMail(e.user()); }
 * }
 * signOff.logOutEverywhere(user, EndReason.ADMIN);   // an admin's end, audited as such
 * }</pre>
 */
public enum EndReason {
    /** The user logged out of this session. */
    LOGOUT,
    /** The user logged out everywhere (or everywhere else). */
    LOGOUT_ALL,
    /** The user ended this session from another device. */
    ENDED_BY_USER,
    /** An administrator ended it. */
    ADMIN,
    /** A {@link CredentialsChanged} event ended it. */
    CREDENTIALS_CHANGED,
    /** No request for longer than the idle timeout. */
    IDLE_TIMEOUT,
    /** Older than the absolute lifetime. */
    ABSOLUTE_TIMEOUT,
    /** The user exceeded the maximum number of sessions. */
    LIMIT,
    /** The application ended the HttpSession itself ({@code session.invalidate()}, {@code request.logout()}). */
    APP_LOGOUT,
    /**
     * A login that SignOff did not see get a fresh session id (a login path no hook covers): the
     * pre-login id could be an attacker's, so the login is thrown away and the user logs in again.
     */
    FIXATION_SUSPECTED,
    /**
     * A refresh token that had already been rotated away was presented again (not the one just
     * replaced, within the grace window): someone else holds a copy, so its whole family ends.
     */
    REFRESH_REUSE,
    /**
     * A remember-me token's value older than the one just replaced was presented: someone else holds
     * a copy of the cookie. Every session of the user ends, remember-me tokens included.
     */
    THEFT,
    /**
     * The OpenID Provider the user logged in through ended the login there (an OpenID Connect
     * back-channel logout token naming its provider session or user).
     */
    IDP_LOGOUT;

    /** The lower-case name used in JSON and logs, e.g. {@code idle_timeout}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
