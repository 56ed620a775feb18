package dev.signoff.demo;

import dev.signoff.SessionInfo;
import dev.signoff.SignOff;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The "your devices" page, built on SignOff's programmatic API.
 *
 * <ul>
 *   <li>{@code GET /app/sessions}: the user's live sessions ({@link SignOff#list}), this device
 *       marked, with "sign out" per other device, "sign out everywhere else" and "sign out
 *       everywhere" (POSTs to the module's {@code <prefix>/log_out/all}).</li>
 *   <li>{@code POST /app/sessions/end} (field {@code handle}): ends one of the user's sessions with
 *       {@link SignOff#end}, then {@code 303} back to the list.</li>
 * </ul>
 */
@WebServlet(name = "demo-sessions", urlPatterns = {SessionsServlet.LIST_PATH, SessionsServlet.END_PATH})
public class SessionsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String LIST_PATH = "/app/sessions";
    static final String END_PATH = "/app/sessions/end";
    /** Notes shown after ending a session, selected by {@code ?ended=…}. */
    private static final Map<String, String> NOTES = Map.of(
            "1", "That device was signed out.",
            "0", "That session had already ended.");

    @Inject
    transient SignOff signOff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!LIST_PATH.equals(request.getServletPath())) {
            methodNotAllowed(response, "POST");
            return;
        }
        String user = request.getRemoteUser();
        List<SessionInfo> sessions = signOff.list(user);
        String current = signOff.currentHandle(request).orElse("");
        String context = Html.escape(request.getContextPath());
        String prefix = Html.escape(signOff.prefixPath(request));
        String backHere = Html.hidden("next", request.getContextPath() + LIST_PATH);
        String body = """
                <h1>Your sessions</h1>
                %s<p>Everywhere <strong>%s</strong> is signed in right now, most recently used first.</p>
                %s
                <section class="card actions">
                  <form method="post" action="%s/log_out/all">
                    <input type="hidden" name="keep_current" value="true">%s
                    <button type="submit">Sign out everywhere else</button>
                  </form>
                  <form method="post" action="%s/log_out/all">
                    <button type="submit" class="danger">Sign out everywhere</button>
                  </form>
                  %s
                </section>
                """.formatted(Html.notice(NOTES, request.getParameter("ended")),
                Html.escape(user), table(sessions, current, context), prefix, backHere, prefix,
                logOutAllLink(signOff.logOutAllUrl(request)));
        Html.send(request, response, HttpServletResponse.SC_OK, "Sessions", body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!END_PATH.equals(request.getServletPath())) {
            methodNotAllowed(response, "GET");
            return;
        }
        String handle = request.getParameter("handle");
        if (handle == null || handle.isBlank()) {
            Html.sendMessage(request, response, HttpServletResponse.SC_BAD_REQUEST, "Nothing ended",
                    "Which session? The form had no handle.", LIST_PATH, "Back to your sessions");
            return;
        }
        // end() only ever ends the caller's own sessions: another user's handle is "unknown".
        boolean ended = signOff.end(request.getRemoteUser(), handle);
        Html.seeOther(response, request.getContextPath() + LIST_PATH + "?ended=" + (ended ? "1" : "0"));
    }

    /** The module's one-time GET link; empty when it issued none (no session to tie it to). */
    private static String logOutAllLink(String url) {
        if (url == null || url.isEmpty()) {
            return "";
        }
        return "<p class=\"hint\"><a href=\"" + Html.escape(url) + "\">Sign-out-everywhere link (for server-side"
                + " redirects)</a>: one-time, so an app can send a user there with a plain redirect.</p>";
    }

    private static String table(List<SessionInfo> sessions, String current, String context) {
        if (sessions.isEmpty()) {
            return "<p>No live sessions.</p>";
        }
        StringBuilder rows = new StringBuilder();
        for (SessionInfo session : sessions) {
            // list(user) has no request to compare with, so "this device" is the handle SignOff bound to this request.
            rows.append(row(session, session.current() || session.handle().equals(current), context));
        }
        return """
                <table class="sessions">
                  <thead><tr><th>Device</th><th>IP address</th><th>Signed in</th><th>Last active</th><th></th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                """.formatted(rows);
    }

    private static String row(SessionInfo session, boolean current, String context) {
        String device = "<span title=\"" + Html.escape(session.userAgent()) + "\">"
                + Html.escape(UserAgents.describe(session.userAgent())) + "</span>";
        if (session.purpose() != null && !"session".equals(session.purpose())) {
            device += " <span class=\"tag\">" + Html.escape(session.purpose()) + "</span>";
        }
        String action = current
                ? "<span class=\"tag current\">This device</span>"
                : "<form method=\"post\" action=\"" + context + END_PATH + "\">" + Html.hidden("handle", session.handle())
                        + "<button type=\"submit\">Sign out</button></form>";
        return "    <tr%s><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n".formatted(
                current ? " class=\"current\"" : "", device, Html.escape(session.ip()),
                Html.time(session.createdAt()), Html.time(session.lastSeenAt()), action);
    }

    private static void methodNotAllowed(HttpServletResponse response, String allow) throws IOException {
        response.setHeader("Allow", allow);
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
