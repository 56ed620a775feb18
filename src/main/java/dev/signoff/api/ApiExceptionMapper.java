package dev.signoff.api;

import dev.signoff.web.MalformedRequests;
import dev.signoff.web.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure inside {@link SignOffApi} into {@link ApiError} JSON: the runtime's own
 * answers (404 no route, 405, 406 …) get a body, a target no URI can be made of is 400, an
 * unreachable registry is 503, anything else
 * 500 with no internals (the log has them). Registered only by {@link SignOffApi#getClasses()},
 * never by scanning (no {@code @Provider}), so an app's own JAX-RS errors stay as they were.
 */
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException wae) {
            Response r = wae.getResponse();
            return r.hasEntity() ? r : ApiError.forStatus(r.getStatus()).response(r.getStatus());
        }
        if (MalformedRequests.unparsableTarget(e)) {
            // RESTEasy (Open Liberty, WildFly) makes a java.net.URI of the request's target and fails on a bad one.
            return ApiError.forStatus(400).response(400);
        }
        if (registryDown(e)) {
            LOG.log(Level.WARNING, "SignOff API: session registry unavailable", e);
            return Response.fromResponse(ApiError.UNAVAILABLE.response(503)).header("Retry-After", Problem.RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "SignOff API: request failed", e);
        return ApiError.forStatus(500).response(500);
    }

    /** Whether a database failure is behind the exception (JPA's or JDBC's, however wrapped). */
    static boolean registryDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof jakarta.persistence.PersistenceException) {
                return true;
            }
        }
        return false;
    }
}
