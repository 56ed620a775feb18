package dev.signoff;

/**
 * SignOff could not do what was asked, typically because the registry database is unavailable.
 * Thrown to code that fires {@link dev.signoff.events.CredentialsChanged}, so that a credential
 * change does not look successful while the old sessions still live.
 */
public class SignOffException extends RuntimeException {
    public SignOffException(String message, Throwable cause) {
        super(message, cause);
    }
}
