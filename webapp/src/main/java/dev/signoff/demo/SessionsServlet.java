package dev.signoff.demo;

import dev.signoff.SessionInfo;
import dev.signoff.SignOff;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The "devices" page, built on SignOff's programmatic API. Plain forms that POST, so it works
 * without JavaScript; with it (signoff.js, sessions.js) devices sign out without a page load and
 * this page itself leaves at once when another device signs it out.
 *
 * <ul>
 *   <li>{@code GET /app/sessions}: the user's live sessions ({@link SignOff#list}) as devices, this
 *       one marked, a "Sign out" per other device, "Sign out everywhere else" and "Sign out
 *       everywhere" (POSTs to the module's {@code <prefix>/log_out/all}).</li>
 *   <li>{@code POST /app/sessions/end} (field {@code handle}): ends one of the user's sessions with
 *       {@link SignOff#end}, then {@code 303} back to the list; {@code 204} / {@code 404} for
 *       JSON clients (sessions.js).</li>
 * </ul>
 */
@WebServlet(name = "demo-sessions", urlPatterns = {SessionsServlet.LIST_PATH, SessionsServlet.END_PATH})
public class SessionsServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    List<String> methods() {
        return List.of("GET", "POST");
    }
    static final String LIST_PATH = "/app/sessions";
    static final String END_PATH = "/app/sessions/end";
    static final String SCRIPT = "/sessions.js";
    /** Notes shown after a change, selected by {@code ?ended=…}. */
    private static final Map<String, String> NOTES = Map.of(
            "1", "That device was signed out.",
            "0", "That session had already ended.",
            "others", "All your other devices were signed out.");

    @Inject
    transient SignOff signOff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!LIST_PATH.equals(request.getServletPath())) {
            methodNotAllowed(response, "POST");
            return;
        }
        String user = request.getRemoteUser();
        List<SessionInfo> sessions = signOff.list(request);
        String current = signOff.currentHandle(request).orElse("");
        long others = sessions.stream().filter(s -> !s.current() && !s.handle().equals(current)).count();
        String prefix = Html.escape(signOff.prefixPath(request));
        String list = DeviceList.render(sessions, current,
                new DeviceList.EndForm(request.getContextPath() + END_PATH, ""), Instant.now());
        String body = """
                <div class="page-head">
                  <h1>Your devices</h1>
                  <p class="lead">Where <strong>%s</strong> is signed in right now, most recently active first.
                  Don't recognise one? Sign it out, then change your password.</p>
                </div>
                %s<div class="live-status" role="status" aria-live="polite" data-live-status></div>
                <section class="card" aria-labelledby="devices-title">
                  <h2 id="devices-title">Signed-in devices <span class="count" data-device-count>%d</span></h2>
                %s</section>
                <section class="card" aria-labelledby="everywhere-title">
                  <h2 id="everywhere-title">Sign out everywhere</h2>
                  <p>Lost a phone, or signed in on a shared computer? End every session at once.</p>
                  <div class="actions">
                    <form method="post" action="%s/log_out/all">
                      <input type="hidden" name="keep_current" value="true">%s
                      <button type="submit"%s>Sign out everywhere else</button>
                    </form>
                    <form method="post" action="%s/log_out/all">
                      <button type="submit" class="danger">Sign out everywhere, this device too</button>
                    </form>
                  </div>
                  %s
                </section>
                """.formatted(Html.escape(user), Html.notice(NOTES, request.getParameter("ended")), sessions.size(), list,
                prefix, Html.hidden("next", request.getContextPath() + LIST_PATH + "?ended=others"),
                others == 0 ? " disabled aria-describedby=\"no-others\"" : "", prefix,
                (others == 0 ? "<p class=\"hint\" id=\"no-others\">You are signed in on this device only.</p>\n" : "")
                        + logOutAllLink(signOff.logOutAllUrl(request)));
        Html.send(request, response, HttpServletResponse.SC_OK, "Your devices", body, SCRIPT);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!END_PATH.equals(request.getServletPath())) {
            methodNotAllowed(response, "GET");
            return;
        }
        boolean json = String.valueOf(request.getHeader("Accept")).contains("application/json");
        String handle = request.getParameter("handle");
        if (handle == null || handle.isBlank()) {
            if (json) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            Html.sendMessage(request, response, HttpServletResponse.SC_BAD_REQUEST, "Nothing ended",
                    "Which session? The form had no handle.", LIST_PATH, "Back to your devices");
            return;
        }
        // end() only ever ends the caller's own sessions: another user's handle is "unknown".
        boolean ended = signOff.logOut(request.getRemoteUser(), handle);
        if (json) {
            response.setStatus(ended ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Html.seeOther(response, request.getContextPath() + LIST_PATH + "?ended=" + (ended ? "1" : "0"));
    }

    /** The module's one-time GET link; empty when it issued none (no session to tie it to). */
    private static String logOutAllLink(String url) {
        if (url == null || url.isEmpty()) {
            return "";
        }
        return "<p class=\"hint\">For developers: SignOff also issued a <a href=\"" + Html.escape(url)
                + "\">one-time sign-out-everywhere link</a>, which an app can redirect to from server code.</p>";
    }

    private static void methodNotAllowed(HttpServletResponse response, String allow) throws IOException {
        response.setHeader("Allow", allow);
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
