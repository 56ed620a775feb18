package dev.signoff.tokens;

import dev.signoff.login.LoginRotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.RememberMeCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.RememberMeIdentityStore;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jakarta Security's remember-me store, backed by the registry ({@link RememberMeTokens}): for every
 * app whose authentication mechanism carries {@code @RememberMe} and that has no
 * {@link RememberMeIdentityStore} of its own (SignOff's bootstrap vetoes this one otherwise).
 * A remember-me login changes the session id like any other login; a rotated token reaches the
 * client through the filter ({@link #ROTATED}), since the store cannot write a cookie itself.
 */
@ApplicationScoped
public class SignOffRememberMeStore implements RememberMeIdentityStore {
    /** Request attribute: the user a remember-me login signed in in this request (before the filter ran). */
    public static final String LOGGED_IN = "dev.signoff.remember-me.login";
    /** Request attribute: the {@link Rotated} cookie this request must send. */
    public static final String ROTATED = "dev.signoff.remember-me.rotated";
    private static final Logger LOG = Logger.getLogger(SignOffRememberMeStore.class.getName());

    /**
     * A remember-me cookie to send in place of the one the client presented.
     *
     * @param name    the cookie's name (the mechanism's {@code @RememberMe(cookieName)})
     * @param value   the rotated token
     * @param expires when the token ends
     */
    public record Rotated(String name, String value, Instant expires) {
        @Override
        public String toString() {
            return "Rotated[name=" + name + ", expires=" + expires + "]";
        }
    }

    @Inject
    RememberMeTokens tokens;
    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(RememberMeCredential credential) {
        Optional<RememberMeTokens.Remembered> remembered;
        try {
            remembered = tokens.validate(credential.getToken(), request.getRemoteAddr());
        } catch (RuntimeException e) {
            // Fail closed: not signed in by the cookie now; the login form still works.
            LOG.log(Level.WARNING, "SignOff: session registry unavailable, a remember-me login was not made", e);
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (remembered.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        RememberMeTokens.Remembered r = remembered.get();
        LoginRotation.rotate(request, r.user());
        request.setAttribute(LOGGED_IN, r.user());
        r.next().ifPresent(next -> cookieName(credential.getToken())
                .ifPresent(name -> request.setAttribute(ROTATED, new Rotated(name, next, r.expires()))));
        return new CredentialValidationResult(r.user(), r.groups());
    }

    @Override
    public String generateLoginToken(CallerPrincipal callerPrincipal, Set<String> groups) {
        return tokens.issue(callerPrincipal.getName(), groups, request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    @Override
    public void removeLoginToken(String token) {
        try {
            tokens.remove(token, request.getRemoteAddr());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SignOff: session registry unavailable, a remember-me token could not be ended now", e);
        }
    }

    /** The name of the request's cookie that carries this value. */
    private Optional<String> cookieName(String value) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (value.equals(c.getValue())) {
                return Optional.of(c.getName());
            }
        }
        return Optional.empty();
    }
}
