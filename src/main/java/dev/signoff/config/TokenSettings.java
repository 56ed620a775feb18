package dev.signoff.config;

import java.time.Duration;
import java.util.List;

/**
 * How tokens beyond the HttpSession live and are checked.
 *
 * @param refreshLifetime   absolute lifetime of a refresh-token family from its first token,
 *                          however often it is rotated
 * @param refreshGrace      how long after a rotation the token just replaced is tolerated (refused
 *                          without ending the family); zero: never
 * @param bearerIssuers     {@code iss} values whose Bearer access tokens SignOff checks for
 *                          revocation; empty: SignOff reads no Authorization header
 * @param bearerMaxLifetime the longest access token SignOff accepts ({@code exp - iat}); its
 *                          revocation records are kept this long
 * @param rememberMeLifetime how long a remember-me token lives from the login that made it
 * @param rememberMeGrace   how long after a remember-me token was rotated its previous value
 *                          still signs in (parallel requests, restored tabs), and the token is not
 *                          rotated again
 */
public record TokenSettings(Duration refreshLifetime, Duration refreshGrace, List<String> bearerIssuers,
                            Duration bearerMaxLifetime, Duration rememberMeLifetime, Duration rememberMeGrace) {
    public TokenSettings {
        bearerIssuers = List.copyOf(bearerIssuers);
    }

    /** Whether SignOff checks Bearer tokens at all. */
    public boolean checksBearer() {
        return !bearerIssuers.isEmpty();
    }
}
