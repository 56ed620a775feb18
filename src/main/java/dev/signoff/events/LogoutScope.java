package dev.signoff.events;

/**
 * Which sessions of a user a credential change ends, per {@link CredentialKind}; admins choose it
 * without a rebuild, e.g. {@code signoff.credentials.email=others} keeps the session the change was
 * made from and ends every other.
 */
public enum LogoutScope {
    /** Every session of the user, the one making the change included. */
    ALL,
    /** Every session but the one the change was made from (if there is one). */
    OTHERS,
    /** None: the change is only audited. */
    NONE
}
