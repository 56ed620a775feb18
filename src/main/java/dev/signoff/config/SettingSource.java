package dev.signoff.config;

/** Where an effective setting came from, in the order they are consulted. */
public enum SettingSource {
    SYSTEM_PROPERTY("system property"),
    ENVIRONMENT("environment"),
    CONTEXT_PARAM("context-param"),
    DEFAULT("default");

    private final String label;

    SettingSource(String label) {
        this.label = label;
    }

    /** Human-readable name, as shown by introspection and the start-up log. */
    public String label() {
        return label;
    }
}
