package dev.signoff.it;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A client of {@code text/event-stream}, like a browser's EventSource without the reconnects:
 * opens the stream with a {@link Device}'s cookies and parses what arrives into events and
 * comments on a background thread, so a test can wait for the next one with a timeout.
 */
final class EventStreamClient implements AutoCloseable {
    /** One dispatched event; comments arrive as events named {@code ":"} with the comment as data. */
    record Event(String name, String data, long receivedAtNanos) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Event END = new Event("", "", 0);

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> reader = new CompletableFuture<>();
    private volatile boolean ended;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        // A thread of its own: the read blocks for the stream's whole life.
        Thread thread = new Thread(this::read, "event-stream-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens {@code path} (e.g. {@code /sessions/api/events}) as the device; waits for the response headers. */
    static EventStreamClient open(Device device, String path) {
        try {
            return new EventStreamClient(HTTP.send(device.request(path, "Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines()));
        } catch (java.io.IOException e) {
            throw new AssertionError("could not open " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        String name = "message";
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, String.join("\n", data), System.nanoTime()));
                    }
                    name = "message";
                    data.clear();
                } else if (line.startsWith(":")) {
                    events.add(new Event(":", line.substring(1).trim(), System.nanoTime()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).trim());
                } else if (line.startsWith("retry:")) {
                    events.add(new Event("retry", line.substring(6).trim(), System.nanoTime()));
                } else {
                    data.add(line);
                }
            }
        } catch (RuntimeException e) {
            // The stream broke (closed by close() or the server): same as its end for the test.
        } finally {
            ended = true;
            events.add(END);
            reader.complete(null);
        }
    }

    /** The next event or comment within the timeout, if any; empty also when the stream ended. */
    Optional<Event> next(Duration timeout) {
        try {
            Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (e == END) {
                events.add(END);
                return Optional.empty();
            }
            return Optional.ofNullable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits for an event with this name, skipping others; fails after the timeout or at the stream's end. */
    Event await(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Optional<Event> e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e.isEmpty()) {
                if (ended) {
                    break;
                }
                continue;
            }
            if (e.get().name().equals(name)) {
                return e.get();
            }
            seen.add(e.get());
        }
        return fail("no '" + name + "' within " + timeout.toMillis() + " ms" + (ended ? " (stream ended)" : "")
                + "; saw " + seen);
    }

    /** Everything received so far, without waiting. */
    List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        all.remove(END);
        if (ended) {
            events.add(END);
        }
        return all;
    }

    /** Whether the server has closed the stream (waits up to the timeout for it). */
    boolean endsWithin(Duration timeout) {
        try {
            reader.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
