package dev.signoff.config;

/**
 * One setting's raw effective value and where it came from, for introspection and the start-up log.
 *
 * @param setting the setting
 * @param value   the raw value as configured (or the default)
 * @param source  where it came from
 */
public record EffectiveSetting(Setting setting, String value, SettingSource source) {
}
