package dev.signoff.live;

import dev.signoff.session.SessionBinding;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open {@code text/event-stream} response of one page: the async request of a browser's
 * {@code EventSource}. Writes are serialized; the first failed write, a timeout, an error or the
 * client going away closes it, and it tells its owner once, so the hub never keeps a dead subscriber.
 */
final class EventStream implements AsyncListener {
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

    private final AsyncContext async;
    private final SessionBinding session;
    private final String loginUrl;
    private final Consumer<EventStream> onClose;
    private boolean closed;

    EventStream(AsyncContext async, SessionBinding session, String loginUrl, Consumer<EventStream> onClose) {
        this.async = async;
        this.session = session;
        this.loginUrl = loginUrl;
        this.onClose = onClose;
    }

    /** Public handle of the session this stream belongs to. */
    String handle() {
        return session.handle();
    }

    /** Token digest of the session (never sent anywhere; the cache is keyed by it). */
    String digest() {
        return session.digest();
    }

    /** Where the page should go once signed out (the app's login page). */
    String loginUrl() {
        return loginUrl;
    }

    /** Writes raw event-stream text and flushes it; false (and closed) when the client is gone. */
    synchronized boolean send(String text) {
        if (closed) {
            return false;
        }
        try {
            ServletOutputStream out = async.getResponse().getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            // A browser that closed its tab shows up here as a broken pipe; nothing to report.
            LOG.log(Level.FINEST, "SignOff: event stream gone", e);
            close();
            return false;
        }
    }

    /** Sends the final event and ends the response. */
    void sendLast(String text) {
        send(text);
        close();
    }

    /** Ends the response (the browser's EventSource reconnects unless told the session ended). */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        onClose.accept(this);
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // The container completed it already (timeout, client gone): the goal is reached.
            LOG.log(Level.FINEST, "SignOff: event stream already completed", e);
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Never restarted: one async cycle per stream.
    }
}
