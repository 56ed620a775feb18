package dev.signoff.config;

/**
 * One setting's raw effective value and where it came from, for introspection and the start-up log.
 *
 * @param setting the setting
 * @param value   the raw value as configured (or the default)
 * @param source  where it came from
 */
public record EffectiveSetting(Setting setting, String value, SettingSource source) {
    /** Shown instead of a secret's value. */
    public static final String HIDDEN = "(secret)";

    /** The value as introspection and logs may show it: a secret setting's value never appears. */
    public String shownValue() {
        return shown(setting.secret(), value);
    }

    static String shown(boolean secret, String value) {
        return secret && !value.isEmpty() ? HIDDEN : value;
    }
}
