package dev.signoff.tokens;

import java.time.Instant;

/**
 * A refresh token just issued, to hand to the client once: only its digest is stored.
 * {@link #toString()} leaves the token out, so logging the record never logs the secret.
 *
 * @param token     the secret (256 bits, base64url, 43 characters)
 * @param handle    the family's public handle, as in the session list
 * @param user      whose it is
 * @param expiresAt the family's absolute end; rotation does not extend it
 */
public record RefreshToken(String token, String handle, String user, Instant expiresAt) {
    @Override
    public String toString() {
        return "RefreshToken[handle=" + handle + ", user=" + user + ", expiresAt=" + expiresAt + "]";
    }
}
