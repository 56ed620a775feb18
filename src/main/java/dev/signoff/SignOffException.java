package dev.signoff;

/**
 * SignOff could not do what was asked, typically because the registry database is unavailable.
 * Thrown to code that fires {@link dev.signoff.events.CredentialsChanged}, so that a credential
 * change does not look successful while the old sessions still live. The end itself is queued
 * and stored when the registry answers again; this node refuses the sessions meanwhile.
 *
 * <pre>{@code
 * try {
 *     credentialsChanged.fire(new CredentialsChanged(user, CredentialKind.PASSWORD));
 * } catch (SignOffException e) {
 *     // tell the user their other devices may stay signed in for a short while
 * }
 * }</pre>
 */
public class SignOffException extends RuntimeException {
    public SignOffException(String message, Throwable cause) {
        super(message, cause);
    }
}
