package dev.signoff;

import dev.signoff.config.Configuration;
import dev.signoff.events.CredentialsChanged;
import dev.signoff.events.EndReason;
import dev.signoff.events.LogoutScope;
import dev.signoff.session.Bindings;
import dev.signoff.session.Ending;
import dev.signoff.session.Terminator;
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
 * the registry cannot end the sessions now, {@link SignOffException} reaches the code that fired
 * the event (the end is queued and applied when the registry answers again).
 */
@ApplicationScoped
class CredentialsChangedObserver {
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
        Optional<HttpServletRequest> current = currentRequest();
        Optional<String> keep = scope == LogoutScope.OTHERS
                ? current.flatMap(r -> Bindings.currentOf(r, event.user())) : Optional.empty();
        Ending ending = terminator.endAll(event.user(), keep, configuration.settings().ends().purposesFor(event.kind()),
                EndReason.CREDENTIALS_CHANGED,
                current.map(HttpServletRequest::getRemoteAddr).orElse(null));
        ending.failure().ifPresent(e -> {
            throw new SignOffException("SignOff could not end the sessions of user '" + event.user()
                    + "' after a " + event.kind() + " change; the change must not be treated as complete", e);
        });
    }

    /** The HTTP request the event was fired in, if any. */
    private Optional<HttpServletRequest> currentRequest() {
        try {
            if (!request.isResolvable()) {
                return Optional.empty();
            }
            HttpServletRequest r = request.get();
            r.getRemoteAddr(); // a proxy outside a request fails only when used
            return Optional.of(r);
        } catch (ContextNotActiveException | IllegalStateException e) {
            // Fired outside an HTTP request (batch job, message listener): there is no current session to keep.
            return Optional.empty();
        }
    }
}
