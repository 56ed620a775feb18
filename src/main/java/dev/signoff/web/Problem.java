package dev.signoff.web;

/**
 * Every error SignOff answers, once: the stable code programs read, the sentence people read and
 * the status. The filter, the logout routes, the event stream and the JSON API all answer with
 * these (the README's table of error codes is this list); none writes its own.
 */
public enum Problem {
    UNAUTHORIZED("unauthorized", "Sign in first.", 401),
    FORBIDDEN("forbidden", "This needs the signoff-admin role.", 403),
    CROSS_SITE("cross_site_request", "Cross-site requests may not change sessions.", 403),
    /** The same for an unknown handle and another user's: the answer tells nothing about other users. */
    NO_SUCH_SESSION("not_found", "No such session.", 404),
    MALFORMED_HANDLE("malformed_handle", "That is not a session handle.", 400),
    MALFORMED_USER("malformed_user", "That is not a user name.", 400),
    SESSION_ENDED("session_ended", "This session has ended; sign in again.", 401),
    SESSION_LIMIT("session_limit", "Too many sessions: sign out on another device first.", 409),
    INVALID_TOKEN("invalid_token", "The access token is not one this server accepts.", 401),
    TOKEN_REVOKED("token_revoked", "This access token has been revoked; sign in again.", 401),
    /** A back-channel logout token refused: the same answer whatever rule it broke (the server log says which). */
    INVALID_LOGOUT_TOKEN("invalid_request", "The logout token is not valid.", 400),
    /** A valid back-channel logout token that could not be applied: OpenID Connect Back-Channel Logout asks for 400, not 5xx. */
    LOGOUT_NOT_APPLIED("logout_failed", "The logout could not be applied: the session registry is unavailable.", 400),
    REGISTRY_UNAVAILABLE("registry_unavailable", "The session registry is unavailable; try again shortly.", 503),
    // What the JSON API answers for statuses its JAX-RS runtime produces itself (no such route, wrong method …):
    BAD_REQUEST("bad_request", "The request is malformed.", 400),
    REFUSED("bad_request", "The request was refused.", 400),
    NOT_ALLOWED("forbidden", "Not allowed.", 403),
    NO_SUCH_RESOURCE("not_found", "No such resource.", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", "That method is not allowed here.", 405),
    NOT_ACCEPTABLE("not_acceptable", "The API answers only application/json.", 406),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "The API takes no request body of that type.", 415),
    INTERNAL("internal_error", "Something went wrong on the server.", 500);

    /** Seconds a client should wait before retrying a {@link #REGISTRY_UNAVAILABLE} answer. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /**
     * The answer for a status that came without a body of ours: the runtime's own refusals keep
     * their status and get a body; other client errors are {@link #REFUSED}, anything else {@link #INTERNAL}.
     */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> NOT_ALLOWED;
            case 404 -> NO_SUCH_RESOURCE;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> REGISTRY_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? REFUSED : INTERNAL;
        };
    }

    private final String code;
    private final String message;
    private final int status;

    Problem(String code, String message, int status) {
        this.code = code;
        this.message = message;
        this.status = status;
    }

    /** The stable code, e.g. {@code session_ended}. */
    public String code() {
        return code;
    }

    /** What happened, in plain words; never internals. */
    public String message() {
        return message;
    }

    public int status() {
        return status;
    }
}
