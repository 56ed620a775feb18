package dev.signoff.live;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import dev.signoff.filter.SessionBinding;
import dev.signoff.filter.SignOffFilter;
import dev.signoff.logout.Logout;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * {@code GET <prefix>/api/events}: a {@code text/event-stream} that sends {@code event: revoked}
 * (data {@code {"reason":"…","login":"…"}}) when the caller's session ends — here, on another
 * node, by timeout — and then closes. Registered by {@code SignOffBootstrap} as an async servlet
 * (exact mapping, so it wins over any {@code <prefix>/api/*} mapping).
 *
 * <ul>
 * <li>Anonymous caller, or no registry session: {@code 401} JSON.</li>
 * <li>A session that has already ended: {@code 200} with {@code event: revoked} at once (the filter
 *     ended it and let the request through, so the page learns why).</li>
 * <li>{@code ?poll}: no stream, {@code 200 {"session":"live"}} or {@code 401 {"error":"session_ended",…}},
 *     for clients without {@code EventSource}.</li>
 * <li>When the request cannot go async (a filter of the app is not async-supported): a stream that
 *     holds only {@code retry:} and closes, so {@code EventSource} reconnects every few seconds —
 *     polling instead of a push; a warning is logged once.</li>
 * </ul>
 * The stream is not activity: it never moves the idle timeout (the filter only peeks at it).
 */
public class EventsServlet extends HttpServlet {
    /** Path under the prefix. */
    public static final String PATH = "/api/events";
    /** How long one stream stays open before the server closes it and the browser reconnects. */
    static final long STREAM_MILLIS = 10 * 60_000;
    /** Reconnect delay when streams cannot be held open (no async): effectively the poll interval. */
    static final long POLL_MILLIS = 5000;
    private static final Logger LOG = Logger.getLogger(EventsServlet.class.getName());
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String JSON = "application/json";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @Inject
    LiveSessions live;
    @Inject
    Configuration configuration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        boolean poll = request.getParameter("poll") != null;
        String login = configuration.settings().signInAgainTarget(request.getContextPath(), request.getContextPath() + "/");
        Object ended = request.getAttribute(SignOffFilter.ENDED_ATTRIBUTE);
        if (ended instanceof EndReason reason) {
            endedAlready(response, poll, Events.reason(reason), login);
            return;
        }
        Optional<SessionBinding> binding = Logout.binding(request);
        if (binding.isEmpty()) {
            json(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"error\":\"unauthorized\",\"login\":" + Events.json(login) + "}");
            return;
        }
        if (poll) {
            // The filter has just checked the session: it is live.
            json(response, HttpServletResponse.SC_OK, "{\"session\":\"live\"}");
            return;
        }
        if (!request.isAsyncSupported()) {
            pollingStream(request, response);
            return;
        }
        stream(request, response, binding.get(), login);
    }

    private void stream(HttpServletRequest request, HttpServletResponse response, SessionBinding binding, String login)
            throws IOException {
        streamHeaders(response);
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(STREAM_MILLIS);
        EventStream stream = new EventStream(async, binding.handle(), binding.digest(), login, live::unsubscribe);
        async.addListener(stream);
        if (stream.send(Events.opening(Events.RETRY_MILLIS))) {
            live.subscribe(stream);
        }
    }

    private static void endedAlready(HttpServletResponse response, boolean poll, String reason, String login)
            throws IOException {
        if (poll) {
            json(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "{\"error\":\"session_ended\",\"reason\":" + Events.json(reason) + ",\"login\":" + Events.json(login) + "}");
            return;
        }
        streamHeaders(response);
        write(response, Events.opening(Events.RETRY_MILLIS) + Events.revoked(reason, login));
    }

    private void pollingStream(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warning(() -> "SignOff: " + request.getRequestURI() + " cannot hold event streams open because a filter"
                    + " or servlet in its chain is not async-supported; pages poll every " + POLL_MILLIS
                    + " ms instead. Mark the app's filters <async-supported>true</async-supported> for pushes.");
        }
        streamHeaders(response);
        write(response, "retry: " + POLL_MILLIS + "\n: no async support on this path; reconnect to poll\n\n");
    }

    private static void streamHeaders(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(EVENT_STREAM + ";charset=UTF-8");
        // nginx buffers proxied responses unless told not to; a buffered stream pushes nothing.
        response.setHeader("X-Accel-Buffering", "no");
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON + ";charset=UTF-8");
        write(response, body);
    }

    private static void write(HttpServletResponse response, String body) throws IOException {
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
