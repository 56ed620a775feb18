package dev.signoff.config;

import java.util.Locale;

/** What a login beyond {@code signoff.max-sessions} does ({@code signoff.max-sessions.policy}). */
public enum LimitPolicy {
    /** The new login goes ahead; the user's least recently used sessions are ended (reason {@code limit}). */
    END_LEAST_RECENT,
    /** The new login is refused; the existing sessions stay. */
    REFUSE;

    /** The setting's form, e.g. {@code end-least-recent}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException for anything but {@code end-least-recent} or {@code refuse} */
    public static LimitPolicy parse(String text) {
        for (LimitPolicy p : values()) {
            if (p.code().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException(text);
    }
}
