package dev.signoff.session;

import java.io.Serializable;

/**
 * What ties an HttpSession to its registry session; stored as an HttpSession attribute. Holds the
 * token's digest and the public handle, never the token itself, so a persisted or replicated
 * HttpSession carries no secret.
 *
 * @param handle public handle of the registry session
 * @param digest SHA-256 of its token
 * @param user   the user it was opened for
 */
public record SessionBinding(String handle, String digest, String user) implements Serializable {
    /** The HttpSession attribute name. */
    public static final String ATTRIBUTE = "dev.signoff.binding";
}
