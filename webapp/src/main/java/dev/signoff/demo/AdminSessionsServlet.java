package dev.signoff.demo;

import dev.signoff.SessionInfo;
import dev.signoff.SignOff;
import dev.signoff.events.EndReason;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin's page: look up a user, see their devices, sign out one or all of them. Role
 * {@code signoff-admin} only ({@code web.xml} constraint, checked here again). Built on
 * {@link SignOff#list(String)}, {@link SignOff#end(String, String, EndReason)} and
 * {@link SignOff#logOutEverywhere(String, EndReason)}; the user's open pages are told at once (reason {@code admin}).
 *
 * <ul>
 *   <li>{@code GET /app/admin/sessions?user=bob}: the lookup form, and bob's devices;</li>
 *   <li>{@code POST /app/admin/sessions/end} ({@code user}, {@code handle}): one session;</li>
 *   <li>{@code POST /app/admin/sessions/end-all} ({@code user}): all of them. An admin who ends
 *       their own sessions keeps the one in use, so the admin console never signs out the admin.</li>
 * </ul>
 */
@WebServlet(name = "demo-admin-sessions", urlPatterns = {AdminSessionsServlet.PATH, AdminSessionsServlet.END_PATH,
        AdminSessionsServlet.END_ALL_PATH})
public class AdminSessionsServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    List<String> methods() {
        return List.of("GET", "POST");
    }
    static final String PATH = "/app/admin/sessions";
    static final String END_PATH = "/app/admin/sessions/end";
    static final String END_ALL_PATH = "/app/admin/sessions/end-all";
    /** Demo user names; anything else is answered "no such user" without a lookup. */
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Map<String, String> NOTES = Map.of(
            "1", "The session was signed out.",
            "0", "That session had already ended.",
            "all", "All of the user's sessions were signed out.",
            "all-but-yours", "All your other sessions were signed out; the one you are using stays.");

    @Inject
    transient SignOff signOff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!PATH.equals(request.getServletPath())) {
            response.setHeader("Allow", "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (!request.isUserInRole(DemoRoles.ADMIN)) {
            forbidden(request, response);
            return;
        }
        String user = trimmed(request.getParameter("user"));
        String body = """
                <div class="page-head">
                  <h1>User sessions</h1>
                  <p class="lead">Look up a user to see where they are signed in, and sign out one device or all of them.</p>
                </div>
                %s<form class="card lookup" method="get" action="%s" role="search">
                  <label for="lookup-user">User name</label>
                  <div class="inline">
                    <input id="lookup-user" name="user" value="%s" autocomplete="off" required>
                    <button type="submit">Look up</button>
                  </div>
                </form>
                %s""".formatted(Html.notice(NOTES, request.getParameter("ended")),
                Html.escape(request.getContextPath() + PATH), Html.escape(user), user.isEmpty() ? "" : devices(request, user));
        Html.send(request, response, HttpServletResponse.SC_OK, "User sessions", body);
    }

    private String devices(HttpServletRequest request, String user) {
        if (!USER_NAME.matcher(user).matches()) {
            return "<p class=\"error\" role=\"alert\">That is not a user name.</p>\n";
        }
        List<SessionInfo> sessions = signOff.list(user);
        String current = user.equals(request.getRemoteUser()) ? signOff.currentHandle(request).orElse("") : "";
        String userField = Html.hidden("user", user);
        String list = DeviceList.render(sessions, current,
                new DeviceList.EndForm(request.getContextPath() + END_PATH, userField), Instant.now());
        String endAll = sessions.isEmpty() ? "" : """
                  <form method="post" action="%s">
                    %s
                    <button type="submit" class="danger">%s</button>
                  </form>
                """.formatted(Html.escape(request.getContextPath() + END_ALL_PATH), userField,
                current.isEmpty() ? "Sign out all of " + Html.escape(user) + "’s sessions"
                        : "Sign out all your other sessions");
        return """
                <section class="card" aria-labelledby="user-devices-title">
                  <h2 id="user-devices-title">Devices of %s <span class="count">%d</span></h2>
                %s%s</section>
                """.formatted(Html.escape(user), sessions.size(), list, endAll);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        if (PATH.equals(path)) {
            response.setHeader("Allow", "GET");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (!request.isUserInRole(DemoRoles.ADMIN)) {
            forbidden(request, response);
            return;
        }
        String user = trimmed(request.getParameter("user"));
        if (!USER_NAME.matcher(user).matches()) {
            Html.sendMessage(request, response, HttpServletResponse.SC_BAD_REQUEST, "Nothing ended",
                    "The form named no valid user.", PATH, "Back to user sessions");
            return;
        }
        String outcome;
        Optional<String> yours = signOff.currentHandle(request, user);
        if (END_PATH.equals(path)) {
            outcome = signOff.logOut(user, trimmed(request.getParameter("handle")), EndReason.ADMIN) ? "1" : "0";
        } else if (yours.isPresent()) {
            signOff.logOutEverywhereElse(user, yours.get());
            outcome = "all-but-yours";
        } else {
            signOff.logOutEverywhere(user, EndReason.ADMIN);
            outcome = "all";
        }
        Html.seeOther(response, request.getContextPath() + PATH + "?user="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&ended=" + outcome);
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Html.sendMessage(request, response, HttpServletResponse.SC_FORBIDDEN, "Not allowed",
                "Only SignOff administrators may see other users' sessions.", "/app/", "Back to your account");
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
