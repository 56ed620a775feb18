package dev.signoff.api;

/** User names as the API accepts them; plain Java, so it is tested without a JAX-RS runtime. */
final class UserNames {
    /** The registry's USER_NAME column length. */
    static final int MAX_LENGTH = 255;

    private UserNames() {
    }

    /** A user name the registry can hold: 1 to 255 characters, no control characters. */
    static boolean valid(String user) {
        return user != null && !user.isEmpty() && user.length() <= MAX_LENGTH
                && user.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
