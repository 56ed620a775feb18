package dev.signoff.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parsed settings plus, for each, the raw value and its source.
 *
 * @param settings  the typed, validated settings
 * @param effective every setting's raw value and source, in {@link Setting} order
 */
public record LoadedSettings(SignOffSettings settings, List<EffectiveSetting> effective) {
    public LoadedSettings {
        effective = effective.stream().sorted(Comparator.comparing(e -> e.setting().ordinal())).toList();
    }

    /** One line per setting, {@code key=value (source)}, for the start-up log. Holds no secrets. */
    public String summary() {
        return effective.stream()
                .map(e -> e.setting().key() + "=" + e.shownValue() + " (" + e.source().label() + ")")
                .collect(Collectors.joining(", "));
    }
}
