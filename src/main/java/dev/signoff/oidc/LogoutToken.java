package dev.signoff.oidc;

import java.util.Optional;

/**
 * A back-channel logout token that passed every rule ({@link LogoutTokens}): whose sessions it ends.
 *
 * @param issuer    {@code iss}, a configured provider
 * @param sid       {@code sid}: the provider session whose app sessions end
 * @param subject   {@code sub}: without a {@code sid}, every session of this provider user ends
 * @param jti       {@code jti}, remembered so the token is accepted once
 * @param keepUntil until when (epoch ms) the {@code jti} must be remembered: past it, the token's
 *                  {@code iat} is refused anyway
 */
record LogoutToken(String issuer, Optional<String> sid, Optional<String> subject, String jti, long keepUntil) {

    /** A token refused, with the rule it broke: for the server log, never for the answer. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String rule) {
            super(rule);
        }
    }
}
