package dev.signoff.logout;

import dev.signoff.config.SignOffSettings;
import dev.signoff.events.EndReason;
import dev.signoff.session.Bindings;
import dev.signoff.session.SessionBinding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * One logout as its steps see it: the caller's request and response (none when the app logs a
 * user out without one, {@code SignOff.start} undoing a refused login), the settings, why, and
 * what the steps found. The caller's registry binding is read once, before any step can
 * invalidate the HttpSession that holds it.
 */
final class Leaving {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final SignOffSettings settings;
    private final EndReason reason;
    private final Optional<SessionBinding> binding;
    private int ended;
    private boolean pending;

    Leaving(HttpServletRequest request, HttpServletResponse response, SignOffSettings settings, EndReason reason) {
        this.request = request;
        this.response = response;
        this.settings = settings;
        this.reason = reason;
        this.binding = Bindings.of(request);
    }

    HttpServletRequest request() {
        return request;
    }

    /** The response, when there is one that is not committed yet (headers can still be set). */
    Optional<HttpServletResponse> writableResponse() {
        return response == null || response.isCommitted() ? Optional.empty() : Optional.of(response);
    }

    SignOffSettings settings() {
        return settings;
    }

    EndReason reason() {
        return reason;
    }

    /** The caller's registry session, as it was when the logout began. */
    Optional<SessionBinding> binding() {
        return binding;
    }

    /** The user logging out: of the registry session, else the container's (a login not bound yet). */
    Optional<String> user() {
        return Optional.ofNullable(binding.map(SessionBinding::user).orElse(request.getRemoteUser()));
    }

    /** How many registry sessions the revocation ended. */
    int ended() {
        return ended;
    }

    /** Whether the registry could not be reached: the revocation is queued. */
    boolean pending() {
        return pending;
    }

    void revoked(int count, boolean queued) {
        ended += count;
        pending |= queued;
    }
}
