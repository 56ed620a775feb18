package dev.signoff.events;

/** Which sessions of a user a credential change ends. */
public enum LogoutScope {
    /** Every session of the user, the one making the change included. */
    ALL,
    /** Every session but the one the change was made from (if there is one). */
    OTHERS,
    /** None: the change is only audited. */
    NONE
}
