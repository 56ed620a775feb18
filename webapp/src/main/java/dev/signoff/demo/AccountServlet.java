package dev.signoff.demo;

import dev.signoff.events.CredentialKind;
import dev.signoff.events.CredentialsChanged;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Credential changes, the way an app tells SignOff about them: change the credential, then fire
 * {@link CredentialsChanged} synchronously. SignOff ends the user's sessions as configured per kind
 * (defaults: {@code PASSWORD} ends all others, {@code EMAIL} ends all, this one too).
 *
 * <ul>
 *   <li>{@code POST /app/account/password} (fields {@code current}, {@code new}): a wrong current
 *       password answers {@code 400} and changes nothing; else {@code 303} to {@code /app/?changed=password}.</li>
 *   <li>{@code POST /app/account/email} (field {@code email}): {@code 303} to
 *       {@code /login?changed=email}, since this session has ended too.</li>
 * </ul>
 * If SignOff cannot end the sessions, {@code fire} throws: the change is undone and the request
 * fails with a 500, since a credential change must never look successful while the old sessions live on.
 * Cross-site POSTs never get here: {@link CrossSiteRequestFilter} refuses them.
 */
@WebServlet(name = "demo-account", urlPatterns = {AccountServlet.PASSWORD_PATH, AccountServlet.EMAIL_PATH})
public class AccountServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;

    @Override
    List<String> methods() {
        return List.of("POST");
    }
    static final String PASSWORD_PATH = "/app/account/password";
    static final String EMAIL_PATH = "/app/account/email";

    @Inject
    transient DemoUsers users;
    @Inject
    transient Event<CredentialsChanged> credentialsChanged;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getRemoteUser();
        if (PASSWORD_PATH.equals(request.getServletPath())) {
            changePassword(request, response, user);
        } else {
            changeEmail(request, response, user);
        }
    }

    private void changePassword(HttpServletRequest request, HttpServletResponse response, String user)
            throws IOException {
        String current = valueOf(request.getParameter("current"));
        String replacement = valueOf(request.getParameter("new"));
        if (!users.passwordMatches(user, current)) {
            badRequest(request, response, "The current password is wrong. Nothing was changed.");
            return;
        }
        if (replacement.isEmpty()) {
            // The demo sets no password rules beyond this; a real app would check length and breach lists here.
            badRequest(request, response, "The new password is empty. Nothing was changed.");
            return;
        }
        Runnable undo = users.changePassword(user, replacement);
        fireOrUndo(new CredentialsChanged(user, CredentialKind.PASSWORD), undo);
        Html.seeOther(response, request.getContextPath() + "/app/?changed=password");
    }

    private void changeEmail(HttpServletRequest request, HttpServletResponse response, String user)
            throws IOException {
        String email = valueOf(request.getParameter("email")).trim();
        if (email.indexOf('@') < 1 || email.length() > 254) {
            badRequest(request, response, "That is not an e-mail address. Nothing was changed.");
            return;
        }
        Runnable undo = users.changeEmail(user, email);
        fireOrUndo(new CredentialsChanged(user, CredentialKind.EMAIL), undo);
        Html.seeOther(response, request.getContextPath() + "/login?changed=email");
    }

    /**
     * Tells SignOff, synchronously. Should it fail to end the sessions, the change is undone (what
     * a rolled-back transaction would do in an app with a database) and the exception propagates:
     * the user sees an error, never a success page while the old sessions live on.
     */
    private void fireOrUndo(CredentialsChanged event, Runnable undo) {
        try {
            credentialsChanged.fire(event);
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    private static void badRequest(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        Html.sendMessage(request, response, HttpServletResponse.SC_BAD_REQUEST, "Not changed", message,
                "/app/", "Back to your account");
    }

    private static String valueOf(String parameter) {
        return parameter == null ? "" : parameter;
    }
}
