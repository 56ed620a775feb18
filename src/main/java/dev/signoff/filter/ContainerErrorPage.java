package dev.signoff.filter;

import dev.signoff.cookies.CookieDeleter;
import dev.signoff.login.SessionGuard;
import dev.signoff.web.Answers;
import dev.signoff.web.Json;
import dev.signoff.web.MalformedRequests;
import dev.signoff.web.Problem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code <prefix>/server_error}: an error page for the 5xx a server answers by itself, before
 * SignOff's filter or any code of the app runs, to requests that are the client's fault. GlassFish
 * answers 500 to a path with {@code :} (its Jakarta Authorization cannot make a URL pattern of it),
 * Open Liberty to an encoded dot or slash, to a query with a bad escape when its form login reads a
 * parameter, and to a session it keeps for another user (SESN0008E) — no server setting changes
 * those (SECURITY.md). An app that maps this page gets {@code 400} (for another user's session
 * {@code 401} and that client's session cookie deleted; for a body in a charset the server does not
 * know {@code 415}) instead; every other error keeps
 * its status and gets a body with no internals. Not mapped by default: an app's error pages are
 * its own. In {@code web.xml}:
 *
 * <pre>{@code
 * <error-page><error-code>500</error-code><location>/sessions/server_error</location></error-page>
 * <error-page><error-code>503</error-code><location>/sessions/server_error</location></error-page>
 * }</pre>
 */
public class ContainerErrorPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorPage.class.getName());
    /** Servlet 6.0's {@code RequestDispatcher.ERROR_QUERY_STRING}, by name for servers that lack the constant. */
    private static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";
    private static final String QUERY_ATTRIBUTE = "dev.signoff.query";
    /** Open Liberty: "The request URI has invalid or improperly encoded characters". */
    private static final String LIBERTY_UNMAPPABLE_URI = "CWWWC0005I";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            Answers.problem(response, Problem.NO_SUCH_RESOURCE); // a page for the container, not a route
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status < 500) {
            Answers.write(response, status, Json.object("error", Problem.forStatus(status).code(),
                    "message", Problem.forStatus(status).message()));
        } else if (foreignSession(cause)) {
            CookieDeleter.of(request.getServletContext(), List.of(), List.of()).deleteAll(response);
            Answers.problem(response, Problem.UNAUTHORIZED);
        } else if (clientsFault(request, cause)) {
            Answers.problem(response, Problem.BAD_REQUEST);
        } else if (unknownCharset(request.getHeader("Content-Type"))) {
            Answers.problem(response, Problem.UNSUPPORTED_MEDIA_TYPE); // Liberty fails reading parameters of a body it cannot decode
        } else {
            Answers.write(response, status, Json.object("error", Problem.INTERNAL.code(), "message", Problem.INTERNAL.message()));
        }
    }

    /**
     * Keeps the query as the client sent it for this page: Open Liberty hands an error page neither
     * {@code jakarta.servlet.error.query_string} nor the query, and fails on a bad escape in it only
     * later, when its security reads a parameter.
     */
    static void noteQuery(HttpServletRequest request) {
        if (request.getQueryString() != null) {
            request.setAttribute(QUERY_ATTRIBUTE, request.getQueryString());
        }
    }

    /**
     * Whether the server failed on the request itself: a malformed path or query, parameters it could
     * not parse (see {@link MalformedRequests}), a target no URI can be made of, or Open Liberty's
     * CWWWC0005I (encoded characters it will not map).
     */
    private static boolean clientsFault(HttpServletRequest request, Throwable cause) {
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object query = request.getAttribute(ERROR_QUERY_STRING) instanceof String q ? q : request.getAttribute(QUERY_ATTRIBUTE);
        boolean malformed = MalformedRequests.path(path) || MalformedRequests.query((String) query)
                || MalformedRequests.parameters(cause) || unparsable(cause, path)
                || causes(cause).anyMatch(t -> t instanceof IOException && String.valueOf(t.getMessage()).startsWith(LIBERTY_UNMAPPABLE_URI));
        if (malformed) {
            LOG.fine(() -> "SignOff: the server failed on a malformed request; answered 400");
        }
        return malformed;
    }

    /** No URI could be made of this request's target (not of some other string the app parsed). */
    private static boolean unparsable(Throwable cause, String path) {
        return path != null && MalformedRequests.unparsableTarget(cause)
                && causes(cause).anyMatch(t -> t instanceof URISyntaxException e && e.getInput().contains(path));
    }

    /** Whether the body claims a charset this JVM does not have. */
    static boolean unknownCharset(String contentType) {
        if (contentType == null) {
            return false;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return !Charset.isSupported(pair[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return true; // not even a legal charset name
                }
            }
        }
        return false;
    }

    private static boolean foreignSession(Throwable cause) {
        return causes(cause).anyMatch(t -> t instanceof RuntimeException e && SessionGuard.foreign(e));
    }

    private static Stream<Throwable> causes(Throwable cause) {
        return Stream.iterate(cause, t -> t != null, Throwable::getCause).limit(20);
    }
}
