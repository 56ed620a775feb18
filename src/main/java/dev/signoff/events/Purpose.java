package dev.signoff.events;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a registry session stands for. Ends of many sessions (log out everywhere, a credential
 * change) reach the purposes their setting names, all that a user signs in with by default:
 *
 * <pre>{@code
 * Purpose.parseList("all")               // session, remember_me, refresh
 * Purpose.parseList("all,-refresh")      // keep API clients signed in
 * Purpose.parseList("session")           // browsers only
 * }</pre>
 */
public enum Purpose {
    /** A container HttpSession (cookie login). */
    SESSION,
    /** A remember-me cookie. */
    REMEMBER_ME,
    /** A refresh token. */
    REFRESH,
    /** A bearer access token. */
    BEARER;

    /** The purposes a user signs in with: what "all" means. Access-token revocations are records, never ended. */
    public static final Set<Purpose> SIGN_IN = Collections.unmodifiableSet(EnumSet.of(SESSION, REMEMBER_ME, REFRESH));

    /** Lower-case name used in JSON, e.g. {@code remember_me}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a list like {@code all}, {@code session,refresh} or {@code all,-refresh}: names add,
     * {@code -name} removes, {@code all} adds every sign-in purpose.
     *
     * @throws IllegalArgumentException for an unknown name, or a list that leaves nothing
     */
    public static Set<Purpose> parseList(String text) {
        EnumSet<Purpose> chosen = EnumSet.noneOf(Purpose.class);
        for (String part : text.split(",")) {
            String name = part.trim();
            boolean remove = name.startsWith("-");
            Set<Purpose> named = named(remove ? name.substring(1).trim() : name);
            if (remove) {
                chosen.removeAll(named);
            } else {
                chosen.addAll(named);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("the list leaves no purpose");
        }
        return Collections.unmodifiableSet(chosen);
    }

    private static Set<Purpose> named(String name) {
        if (name.equals("all")) {
            return SIGN_IN;
        }
        for (Purpose p : SIGN_IN) {
            if (p.code().equals(name)) {
                return EnumSet.of(p);
            }
        }
        throw new IllegalArgumentException("unknown purpose '" + name + "'");
    }
}
