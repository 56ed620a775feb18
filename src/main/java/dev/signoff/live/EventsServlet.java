package dev.signoff.live;

import dev.signoff.config.Configuration;
import dev.signoff.events.EndReason;
import dev.signoff.session.Bindings;
import dev.signoff.session.SessionBinding;
import dev.signoff.web.Answers;
import dev.signoff.web.Json;
import dev.signoff.web.Problem;
import dev.signoff.web.Routes;
import dev.signoff.web.RouteServlet;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
public class EventsServlet extends RouteServlet {
    /** How long one stream stays open before the server closes it and the browser reconnects. */
    static final long STREAM_MILLIS = 10 * 60_000;
    /** Reconnect delay when streams cannot be held open (no async): effectively the poll interval. */
    static final long POLL_MILLIS = 5000;
    private static final Logger LOG = Logger.getLogger(EventsServlet.class.getName());
    private static final String EVENT_STREAM = "text/event-stream";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @Inject
    LiveSessions live;
    @Inject
    Configuration configuration;

    @Override
    protected List<String> methods() {
        return List.of("GET", "HEAD");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        boolean poll = request.getParameter("poll") != null;
        String login = configuration.settings().signInAgainTarget(request.getContextPath(), request.getContextPath() + "/");
        if (request.getAttribute(Routes.ENDED_ATTRIBUTE) instanceof EndReason reason) {
            endedAlready(response, poll, Events.reason(reason), login);
            return;
        }
        Optional<SessionBinding> binding = Bindings.of(request);
        if (binding.isEmpty()) {
            Answers.problem(response, Problem.UNAUTHORIZED, "login", login);
        } else if (poll) {
            // The filter has just checked the session: it is live.
            Answers.write(response, HttpServletResponse.SC_OK, Json.object("session", "live"));
        } else if (!request.isAsyncSupported()) {
            pollingStream(request, response);
        } else {
            stream(request, response, binding.get(), login);
        }
    }

    private void stream(HttpServletRequest request, HttpServletResponse response, SessionBinding binding, String login)
            throws IOException {
        streamHeaders(response);
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(STREAM_MILLIS);
        EventStream stream = new EventStream(async, binding, login, live::unsubscribe);
        async.addListener(stream);
        if (stream.send(Events.opening(Events.RETRY_MILLIS))) {
            live.subscribe(stream);
        }
    }

    private static void endedAlready(HttpServletResponse response, boolean poll, String reason, String login)
            throws IOException {
        if (poll) {
            Answers.problem(response, Problem.SESSION_ENDED, "reason", reason, "login", login);
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

    private static void write(HttpServletResponse response, String body) throws IOException {
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
