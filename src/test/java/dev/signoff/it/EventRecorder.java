package dev.signoff.it;

import dev.signoff.events.LoggedOutEverywhere;
import dev.signoff.events.SessionEnded;
import dev.signoff.events.SessionStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plays app code observing SignOff's events; {@code GET /probe-events} lists them, one per line. */
@ApplicationScoped
public class EventRecorder {
    private final List<String> events = new CopyOnWriteArrayList<>();

    void started(@Observes SessionStarted e) {
        events.add("started " + e.user() + " " + e.handle() + " " + e.purpose());
    }

    void ended(@Observes SessionEnded e) {
        events.add("ended " + e.user() + " " + e.handle() + " " + e.reason());
    }

    void everywhere(@Observes LoggedOutEverywhere e) {
        events.add("everywhere " + e.user() + " " + e.count() + " " + e.reason() + " kept=" + e.keptHandle().orElse("-"));
    }

    /** The events so far (a method: a field read through the client proxy would see the proxy's own). */
    public List<String> events() {
        return List.copyOf(events);
    }

    /** Serves the recorded events. */
    @WebServlet("/probe-events")
    public static class Listing extends HttpServlet {
        @Inject
        EventRecorder recorder;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write(String.join("\n", recorder.events()));
        }
    }
}
