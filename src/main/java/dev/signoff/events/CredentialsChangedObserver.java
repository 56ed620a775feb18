package dev.signoff.events;

import dev.signoff.SignOffException;
import dev.signoff.config.Configuration;
import dev.signoff.filter.SessionBinding;
import dev.signoff.logout.Logout;
import dev.signoff.logout.Terminator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends a user's sessions when the application fires {@link CredentialsChanged}, as the kind's
 * policy says ({@code signoff.credentials.<kind>}: all, others, none). "Others" keeps the session
 * the change was made from, when the event is fired during that user's request. Synchronous: if
 * the sessions cannot be ended, {@link SignOffException} reaches the code that fired the event.
 */
@ApplicationScoped
public class CredentialsChangedObserver {
    private static final Logger LOG = Logger.getLogger(CredentialsChangedObserver.class.getName());

    @Inject
    Terminator terminator;
    @Inject
    Configuration configuration;
    @Inject
    Instance<HttpServletRequest> request;

    void onCredentialsChanged(@Observes CredentialsChanged event) {
        LogoutScope scope = configuration.settings().policyFor(event.kind());
        LOG.info(() -> "SignOff: credentials changed: user=" + event.user() + " kind=" + event.kind() + " scope=" + scope);
        if (scope == LogoutScope.NONE) {
            return;
        }
        Optional<SessionBinding> current = currentBinding().filter(b -> b.user().equals(event.user()));
        Optional<String> keep = scope == LogoutScope.OTHERS ? current.map(SessionBinding::handle) : Optional.empty();
        try {
            terminator.endAll(event.user(), keep, EndReason.CREDENTIALS_CHANGED, currentIp());
        } catch (RuntimeException e) {
            throw new SignOffException("SignOff could not end the sessions of user '" + event.user()
                    + "' after a " + event.kind() + " change; the change must not be treated as complete", e);
        }
    }

    private Optional<SessionBinding> currentBinding() {
        try {
            return request.isResolvable() ? Logout.binding(request.get()) : Optional.empty();
        } catch (ContextNotActiveException | IllegalStateException e) {
            // Fired outside an HTTP request (batch job, message listener): there is no current session to keep.
            return Optional.empty();
        }
    }

    private String currentIp() {
        try {
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (ContextNotActiveException | IllegalStateException e) {
            // Outside an HTTP request there is no client address to record.
            return null;
        }
    }
}
