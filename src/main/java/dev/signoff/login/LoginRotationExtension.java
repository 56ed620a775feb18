package dev.signoff.login;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;

/**
 * Puts {@link MechanismLoginInterceptor} on every Jakarta Security authentication mechanism the
 * application has: its own and the server's built-in ones (Soteria's on GlassFish, Payara and
 * WildFly, Open Liberty's own), the way Soteria puts its {@code AutoApplySession} and
 * {@code LoginToContinue} interceptors on them. Declared in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class LoginRotationExtension implements Extension {
    <T extends HttpAuthenticationMechanism> void intercept(@Observes ProcessAnnotatedType<T> type) {
        type.configureAnnotatedType().add(RotatesAtLogin.Literal.INSTANCE);
    }
}
