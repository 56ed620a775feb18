package dev.signoff.config;

import dev.signoff.events.CredentialKind;
import dev.signoff.events.LogoutScope;
import dev.signoff.events.Purpose;

import java.util.Map;
import java.util.Set;

/**
 * What ends of many sessions reach: per kind of credential change, which sessions
 * ({@code signoff.credentials.<kind>}: all, others, none) and which purposes
 * ({@code signoff.credentials.<kind>.purposes}); for log out everywhere (the route, the API, an
 * admin's end-all), which purposes ({@code signoff.log-out-everywhere.purposes}).
 *
 * @param scopes             sessions ended per kind of credential change
 * @param purposes           purposes ended per kind of credential change
 * @param logOutEverywhere   purposes log out everywhere ends
 */
public record EndPolicies(Map<CredentialKind, LogoutScope> scopes, Map<CredentialKind, Set<Purpose>> purposes,
                          Set<Purpose> logOutEverywhere) {
    public EndPolicies {
        scopes = Map.copyOf(scopes);
        purposes = Map.copyOf(purposes);
        logOutEverywhere = Set.copyOf(logOutEverywhere);
    }

    /** The sessions a kind of change ends. */
    public LogoutScope scopeFor(CredentialKind kind) {
        return scopes.getOrDefault(kind, LogoutScope.ALL);
    }

    /** The purposes a kind of change ends. */
    public Set<Purpose> purposesFor(CredentialKind kind) {
        return purposes.getOrDefault(kind, Purpose.SIGN_IN);
    }
}
