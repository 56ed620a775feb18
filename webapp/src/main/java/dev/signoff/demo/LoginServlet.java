package dev.signoff.demo;

import dev.signoff.SignOff;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The login page: {@code GET /login} shows the form, {@code POST /login} (fields
 * {@code username}, {@code password}, optional {@code next}) signs the user in.
 *
 * <p>Success answers {@code 303} to {@code next} when it is a safe same-origin path, else to
 * {@code /app/}. Failure shows the form again with {@code 401} and leaves no HttpSession behind.
 * A caller who is already signed in is not signed in again: the same user is sent on to
 * {@code next}, another user name gets {@code 409} and a "sign out first" button.
 *
 * <p>The servlet only asks the container to authenticate; it does not tell SignOff about the
 * login. SignOff sees the container's new login on its own and registers the session
 * ("zero-code" integration).
 */
@WebServlet(name = "demo-login", urlPatterns = "/login")
public class LoginServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    List<String> methods() {
        return List.of("GET", "POST");
    }
    private static final String HOME = "/app/";
    /** Notes shown above the form, selected by {@code ?changed=…} (set by the account page). */
    private static final Map<String, String> NOTES = Map.of(
            "email", "Your e-mail address was changed, so you were signed out on every device. Please sign in again.");
    /** Why SignOff sent the user back here, selected by {@code ?reason=…}. */
    private static final Map<String, String> REASONS = Map.of(
            "session_limit", "You are signed in on too many devices already. Sign out on one of them, then sign in here again.");
    /**
     * Notes selected by {@code ?signed_out=<reason>}, where signoff.js sends a page whose session
     * ended; unknown reasons get the general one. Only these fixed texts are ever shown.
     */
    private static final Map<String, String> SIGNED_OUT = Map.ofEntries(
            Map.entry("logout", "You were signed out."),
            Map.entry("logout_all", "You were signed out on all your devices."),
            Map.entry("ended_by_user", "You were signed out from another device."),
            Map.entry("admin", "An administrator signed you out."),
            Map.entry("credentials_changed", "You were signed out because your sign-in details changed."),
            Map.entry("idle_timeout", "You were signed out after a period without activity."),
            Map.entry("absolute_timeout", "Your session reached its maximum length, so you were signed out."),
            Map.entry("limit", "You were signed out because you signed in on more devices than allowed."),
            Map.entry("app_logout", "You were signed out."),
            Map.entry("fixation_suspected", "Please sign in again: your sign-in could not be confirmed safely."),
            Map.entry("idp_logout", "You were signed out at your identity provider."));
    private static final String SIGNED_OUT_DEFAULT = "You were signed out.";

    @Inject
    transient SecurityContext securityContext;
    @Inject
    transient SignOff signOff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        showForm(request, response, HttpServletResponse.SC_OK, Html.notice(NOTES, request.getParameter("changed"))
                + Html.notice(REASONS, request.getParameter("reason")) + signedOutNotice(request));
    }

    private String signedOutNotice(HttpServletRequest request) {
        String reason = request.getParameter("signed_out");
        // Signed in (a registry session) means the note is stale; the container's principal alone
        // is no proof: a login cookie the filter just refused may still name one in this request.
        if (reason == null || signOff.currentHandle(request).isPresent()) {
            return "";
        }
        return "<p class=\"notice\" role=\"status\">" + Html.escape(SIGNED_OUT.getOrDefault(reason, SIGNED_OUT_DEFAULT))
                + "</p>\n";
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = valueOf(request.getParameter("username")).trim();
        String password = valueOf(request.getParameter("password"));
        String signedInAs = request.getRemoteUser();
        if (signedInAs != null) {
            // Jakarta Security's @AutoApplySession answers SUCCESS for whoever is already signed in,
            // without looking at the new credential, so a second login must not be attempted.
            if (signedInAs.equals(username)) {
                Html.seeOther(response, nextOrHome(request));
            } else {
                showForm(request, response, HttpServletResponse.SC_CONFLICT,
                        error("Sign out first to sign in as another user."));
            }
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            showForm(request, response, HttpServletResponse.SC_UNAUTHORIZED, error("Enter your user name and password."));
            return;
        }
        boolean hadSession = request.getSession(false) != null;

        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true)
                        .rememberMe("on".equals(request.getParameter("remember_me"))));

        if (status == AuthenticationStatus.SUCCESS) {
            if (hadSession) {
                // The session existed while the caller was anonymous (Jakarta Security keeps the
                // protected page asked for in it): a new id makes an id seen or planted before the
                // login worthless now (session fixation).
                request.changeSessionId();
            }
            Html.seeOther(response, nextOrHome(request));
        } else if (status == AuthenticationStatus.SEND_CONTINUE || response.isCommitted()) {
            return; // the mechanism has written the response itself (a redirect)
        } else {
            discardAnonymousSession(request);
            showForm(request, response, HttpServletResponse.SC_UNAUTHORIZED, error("Wrong user name or password."));
        }
    }

    /**
     * After a failed login the caller is still anonymous, so their HttpSession holds nothing but
     * Jakarta Security's notes about the attempt: {@code newAuthentication(true)} writes them,
     * creating a session if there was none. It is invalidated, for two reasons:
     * <ul>
     *   <li>a failed login must leave no session behind (else any anonymous client could make the
     *       server hold sessions at will);</li>
     *   <li>the note "the caller started a login" outlives the failure; on GlassFish 7 (Soteria)
     *       the next request to a protected page then got an empty {@code 200} instead of the
     *       redirect to this page.</li>
     * </ul>
     */
    private static void discardAnonymousSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static String nextOrHome(HttpServletRequest request) {
        return SameOrigin.safePath(request.getParameter("next")).orElse(request.getContextPath() + HOME);
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        String context = Html.escape(request.getContextPath());
        String next = SameOrigin.safePath(request.getParameter("next")).orElse("");
        String body = """
                <h1>Sign in</h1>
                %s%s
                <form class="card" method="post" action="%s/login">
                  %s
                  <label>User name <input name="username" autocomplete="username" required autofocus></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <label><input name="remember_me" type="checkbox" value="on"> Remember me</label>
                  <button type="submit">Sign in</button>
                </form>
                <p class="hint">Demo users: <code>alice</code> / <code>alice-pw</code>, <code>bob</code> / <code>bob-pw</code>,
                <code>admin</code> / <code>admin-pw</code> (SignOff administrator).</p>
                """.formatted(signedInNotice(request), message, context, next.isEmpty() ? "" : Html.hidden("next", next));
        Html.send(request, response, status, "Sign in", body);
    }

    /** For a caller who is signed in already: where to go instead, and how to switch user. */
    private String signedInNotice(HttpServletRequest request) {
        String user = request.getRemoteUser();
        if (user == null) {
            return "";
        }
        return """
                <div class="notice"><p>You are signed in as <strong>%s</strong>. <a href="%s">Go to your account</a></p>
                <form method="post" action="%s/log_out"><button type="submit">Sign out</button></form></div>
                """.formatted(Html.escape(user), Html.escape(request.getContextPath() + HOME),
                Html.escape(signOff.prefixPath(request)));
    }

    private static String error(String text) {
        return "<p class=\"error\" role=\"alert\">" + Html.escape(text) + "</p>\n";
    }

    private static String valueOf(String parameter) {
        return parameter == null ? "" : parameter;
    }
}
