package dev.signoff.registry;

import java.util.Locale;

/** What a registry session stands for. */
public enum Purpose {
    /** A container HttpSession (cookie login). */
    SESSION,
    /** A remember-me cookie. */
    REMEMBER_ME,
    /** A refresh token. */
    REFRESH,
    /** A bearer access token. */
    BEARER;

    /** Lower-case name used in JSON, e.g. {@code remember_me}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
