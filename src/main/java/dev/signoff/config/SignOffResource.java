package dev.signoff.config;

import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks SignOff's own objects of a type an application may produce too (a {@code Clock}, an
 * {@code EntityManager}, a managed scheduler), so that SignOff's injection points never become
 * ambiguous in an app that has its own. Produced by {@link Platform} and {@code registry.RegistryStore}.
 *
 * <pre>{@code
 * @Inject @SignOffResource Clock clock;
 * }</pre>
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface SignOffResource {
}
