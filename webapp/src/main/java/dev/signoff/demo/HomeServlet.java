package dev.signoff.demo;

import dev.signoff.SignOff;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /app/}: the signed-in user's account page, with the sign-out button (a POST to
 * SignOff's {@code <prefix>/log_out}) and the forms that change a credential
 * ({@link AccountServlet}). Protected by {@code web.xml}: anonymous visitors are sent to
 * {@code /login} first.
 * <p>
 * Mapped to {@code /app/*} rather than the exact {@code /app/}: Open Liberty never matches an exact
 * pattern that ends in '/' (it answers 404 from its file servlet). Other paths under {@code /app/}
 * without a servlet of their own answer 404 here.
 */
@WebServlet(name = "demo-home", urlPatterns = "/app/*")
@DeclareRoles({DemoRoles.USER, DemoRoles.ADMIN})
public class HomeServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    List<String> methods() {
        return List.of("GET");
    }
    /** Notes shown after a change, selected by {@code ?changed=…} (set by {@link AccountServlet}). */
    private static final Map<String, String> NOTES = Map.of(
            "password", "Password changed. Your other devices were signed out; this one stays signed in.");

    @Inject
    transient SignOff signOff;
    @Inject
    transient DemoUsers users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() == null) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/app/");
            return;
        }
        if (!"/".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String user = request.getRemoteUser();
        String context = Html.escape(request.getContextPath());
        String prefix = Html.escape(signOff.prefixPath(request));
        String body = """
                <h1>Signed in as %s</h1>
                %s%s
                <p><a class="button" href="%s/app/sessions">Your devices</a></p>

                <section class="card">
                  <h2>Sign out</h2>
                  <p>Ends this session on the server, not just in this browser.</p>
                  <form method="post" action="%s/log_out"><button type="submit">Sign out</button></form>
                </section>

                <section class="card">
                  <h2>Change password</h2>
                  <p>Signs you out on all your other devices.</p>
                  <form method="post" action="%s/app/account/password">
                    <label>Current password <input name="current" type="password" autocomplete="current-password" required></label>
                    <label>New password <input name="new" type="password" autocomplete="new-password" required></label>
                    <button type="submit">Change password</button>
                  </form>
                </section>

                <section class="card">
                  <h2>Change e-mail</h2>
                  <p>Current address: <strong>%s</strong>. Changing it signs you out everywhere, here too.</p>
                  <form method="post" action="%s/app/account/email">
                    <label>New e-mail <input name="email" type="email" autocomplete="email" required></label>
                    <button type="submit">Change e-mail</button>
                  </form>
                </section>

                <p class="hint">JSON: <a href="%s/api/me">/api/me</a> · <a href="%s/api">%s/api</a>%s</p>
                """.formatted(Html.escape(user), adminBadge(request),
                Html.notice(NOTES, request.getParameter("changed")),
                context, prefix, context,
                Html.escape(users.email(user).orElse("")), context,
                context, prefix, prefix, adminLinks(request, prefix));
        Html.send(request, response, HttpServletResponse.SC_OK, "Account", body);
    }

    private static String adminBadge(HttpServletRequest request) {
        return request.isUserInRole(DemoRoles.ADMIN)
                ? "<p><span class=\"tag\">SignOff administrator</span></p>\n" : "";
    }

    /** Links to the module's admin API, only for role {@code signoff-admin} (the API checks it too). */
    private static String adminLinks(HttpServletRequest request, String prefix) {
        return request.isUserInRole(DemoRoles.ADMIN)
                ? " · admin: <a href=\"" + Html.escape(request.getContextPath()) + AdminSessionsServlet.PATH
                        + "\">user sessions</a> · <a href=\"" + prefix + "/api/introspection\">configuration</a>"
                        + " · <a href=\"" + prefix + "/api/users/bob\">bob's sessions</a>"
                : "";
    }
}
