package dev.signoff;

import dev.signoff.session.Ending;
import dev.signoff.tokens.Refresh;
import dev.signoff.tokens.RefreshFamilies;
import dev.signoff.tokens.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Refresh tokens for an app's API clients, kept in the registry as digests, in families: issue one
 * at sign-in, rotate it on each refresh (each token works once), revoke it at the client's logout.
 * A family is a session of purpose {@code refresh}: the user's session list shows it, and log out
 * everywhere, an admin, a credential change and the session list's end button end it.
 *
 * <pre>{@code
 * @Inject RefreshTokens refreshTokens;
 *
 * RefreshToken first = refreshTokens.issue("alice", request);   // give first.token() to the client
 * Refresh r = refreshTokens.refresh(presented, request);
 * if (r.rotated()) { send r.next().orElseThrow().token() } else { 401 with r.outcome().code() }
 * refreshTokens.revoke(presented, request);                     // the client logs out
 * }</pre>
 * Presenting a spent token again ends its family (reason {@code refresh_reuse}), except the token
 * just replaced within {@code signoff.refresh.grace}, which is only refused
 * ({@link Refresh.Outcome#SUPERSEDED}). Every method throws {@link SignOffException} when the registry
 * cannot be reached: then no token was issued (a revocation is queued and applied when it answers).
 */
@ApplicationScoped
public class RefreshTokens {
    @Inject
    RefreshFamilies families;

    /** A new family for the user, its first token; the request gives the client's address and device. */
    public RefreshToken issue(String user, HttpServletRequest request) {
        return reached("issue a refresh token", () -> families.issue(user, request.getRemoteAddr(), request.getHeader("User-Agent")));
    }

    /** Spends the presented token: the family's next one, or why not. */
    public Refresh refresh(String presented, HttpServletRequest request) {
        return reached("refresh a token", () -> families.refresh(presented, request.getRemoteAddr()));
    }

    /** Ends the family of the presented current token (reason {@code logout}); false when it is not a live family's. */
    public boolean revoke(String presented, HttpServletRequest request) {
        Optional<Ending> ending = reached("revoke a refresh token", () -> families.revoke(presented, request.getRemoteAddr()));
        ending.flatMap(Ending::failure).ifPresent(e -> {
            throw new SignOffException("SignOff could not reach the registry to revoke a refresh token; the end is queued"
                    + " and applied when it answers", e);
        });
        return ending.isPresent();
    }

    private static <T> T reached(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SignOffException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SignOffException("SignOff could not reach the registry to " + what, e);
        }
    }
}
