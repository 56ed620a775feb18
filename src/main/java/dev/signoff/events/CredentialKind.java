package dev.signoff.events;

/**
 * What kind of credential changed, carried by {@link CredentialsChanged}. Each kind has its own
 * logout policy (setting {@code signoff.credentials.<kind>}), see {@link LogoutScope}.
 *
 * <pre>{@code
 * credentialsChanged.fire(new CredentialsChanged(user, CredentialKind.MFA));
 * }</pre>
 */
public enum CredentialKind {
    /** Password changed or reset; default: end all other sessions, keep the current one. */
    PASSWORD,
    /** E-mail (login name) changed; default: end all sessions, the current one too. */
    EMAIL,
    /** Second factor added, removed or reset; default: end all other sessions. */
    MFA,
    /** The user or an admin suspects a compromise; default: end all sessions. */
    SECURITY_CONCERN;

    /** The setting key suffix of this kind, e.g. {@code security-concern}. */
    public String settingName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
