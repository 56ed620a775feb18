package dev.signoff.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The body of every error the API answers: a stable code for programs and a sentence for people,
 * never an exception message, class name or stack trace.
 *
 * <pre>{@code
 * 404 {"error":"not_found","message":"No such session."}
 * }</pre>
 *
 * @param error   stable code, e.g. {@code unauthorized}, {@code malformed_handle}
 * @param message what happened, in plain words
 */
@JsonbPropertyOrder({"error", "message"})
public record ApiError(String error, String message) {
    static final ApiError UNAUTHORIZED = new ApiError("unauthorized", "Sign in first.");
    static final ApiError FORBIDDEN = new ApiError("forbidden", "This needs the signoff-admin role.");
    static final ApiError CROSS_SITE = new ApiError("cross_site_request", "Cross-site requests may not change sessions.");
    /** The same for an unknown handle and another user's: the answer tells nothing about other users. */
    static final ApiError NO_SUCH_SESSION = new ApiError("not_found", "No such session.");
    static final ApiError MALFORMED_HANDLE = new ApiError("malformed_handle", "That is not a session handle.");
    static final ApiError MALFORMED_USER = new ApiError("malformed_user", "That is not a user name.");
    static final ApiError UNAVAILABLE = new ApiError("registry_unavailable", "The session registry is unavailable; try again shortly.");

    /** Answers for statuses the JAX-RS runtime itself produces (no such route, wrong method …). */
    private static final Map<Integer, ApiError> BY_STATUS = Map.of(
            400, new ApiError("bad_request", "The request is malformed."),
            401, UNAUTHORIZED,
            403, new ApiError("forbidden", "Not allowed."),
            404, new ApiError("not_found", "No such resource."),
            405, new ApiError("method_not_allowed", "That method is not allowed here."),
            406, new ApiError("not_acceptable", "The API answers only application/json."),
            415, new ApiError("unsupported_media_type", "The API takes no request body of that type."),
            503, UNAVAILABLE);
    private static final ApiError CLIENT_ERROR = new ApiError("bad_request", "The request was refused.");
    private static final ApiError INTERNAL = new ApiError("internal_error", "Something went wrong on the server.");

    /** The answer for a status that came without a body of ours. */
    public static ApiError forStatus(int status) {
        ApiError known = BY_STATUS.get(status);
        if (known != null) {
            return known;
        }
        return status >= 400 && status < 500 ? CLIENT_ERROR : INTERNAL;
    }

    /** The error as a JSON response with the given status. */
    Response response(int status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").entity(this).build();
    }

    /** The error as an exception that answers itself, with or without this application's mapper. */
    WebApplicationException exception(Response.Status status) {
        return new WebApplicationException(response(status.getStatusCode()));
    }
}
