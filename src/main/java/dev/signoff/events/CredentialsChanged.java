package dev.signoff.events;

import java.util.Objects;

/**
 * Fired by the application when a user's credential changed; SignOff ends that user's sessions
 * as configured for the {@link CredentialKind}.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * @Inject Event<CredentialsChanged> credentialsChanged;
 *
 * void changePassword(String user, char[] newPassword) {
 *     passwords.update(user, newPassword);
 *     credentialsChanged.fire(new CredentialsChanged(user, CredentialKind.PASSWORD));
 * }
 * }</pre>
 * The event must be fired with {@code fire} (synchronously): if SignOff cannot end the sessions,
 * {@code fire} throws {@link dev.signoff.SignOffException}, so a credential change never looks
 * successful while the old sessions live. Fire it on every path that changes a credential
 * (account page, reset link, admin console).
 *
 * @param user the user whose credential changed, as the container names them ({@code getRemoteUser()})
 * @param kind what changed
 */
public record CredentialsChanged(String user, CredentialKind kind) {
    public CredentialsChanged {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
    }
}
