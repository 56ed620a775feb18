package dev.signoff.config;

/**
 * A setting has a value SignOff cannot use. Thrown at deployment, so the application does not start
 * with a configuration nobody meant; the message names the key, the allowed form and the value.
 */
public class InvalidSettingException extends RuntimeException {
    private static final String TEMPLATE = "SignOff setting '%s' (from %s) must be %s, but was '%s'";

    private final String key;
    private final String value;

    public InvalidSettingException(String key, SettingSource source, String allowedForm, String value) {
        super(String.format(TEMPLATE, key, source.label(), allowedForm, value));
        this.key = key;
        this.value = value;
    }

    /** The setting's key, e.g. {@code signoff.idle-timeout}. */
    public String key() {
        return key;
    }

    /** The rejected value. */
    public String value() {
        return value;
    }
}
