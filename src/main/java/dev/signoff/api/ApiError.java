package dev.signoff.api;

import dev.signoff.web.Problem;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/**
 * The body of every error the API answers: a stable code for programs and a sentence for people
 * ({@link Problem}, the ones every part of SignOff answers with), never an exception message,
 * class name or stack trace.
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
    static final ApiError UNAUTHORIZED = of(Problem.UNAUTHORIZED);
    static final ApiError FORBIDDEN = of(Problem.FORBIDDEN);
    static final ApiError CROSS_SITE = of(Problem.CROSS_SITE);
    /** The same for an unknown handle and another user's: the answer tells nothing about other users. */
    static final ApiError NO_SUCH_SESSION = of(Problem.NO_SUCH_SESSION);
    static final ApiError MALFORMED_HANDLE = of(Problem.MALFORMED_HANDLE);
    static final ApiError MALFORMED_USER = of(Problem.MALFORMED_USER);
    static final ApiError UNAVAILABLE = of(Problem.REGISTRY_UNAVAILABLE);


    /** The API's form of one of SignOff's answers. */
    static ApiError of(Problem problem) {
        return new ApiError(problem.code(), problem.message());
    }

    /** The answer for a status that came without a body of ours ({@link Problem#forStatus}). */
    public static ApiError forStatus(int status) {
        return of(Problem.forStatus(status));
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
