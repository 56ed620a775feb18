package dev.signoff.login;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link MechanismLoginInterceptor}. Never written in code: {@link LoginRotationExtension}
 * adds it to every {@code HttpAuthenticationMechanism} type of the application.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface RotatesAtLogin {
    /** The binding as a value, for adding it to a type. */
    final class Literal extends AnnotationLiteral<RotatesAtLogin> implements RotatesAtLogin {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
