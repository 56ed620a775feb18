package dev.signoff.registry;

import dev.signoff.config.Naming;
import dev.signoff.config.SignOffResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;

/**
 * Produces the registry's EntityManager for injection ({@code @Inject @SignOffResource EntityManager}).
 * It is the container-managed, transaction-scoped EntityManager the module's web fragment declares
 * ({@code <persistence-context-ref>}), safe to keep and to share across threads. Looked up in JNDI
 * rather than injected by {@code @PersistenceContext}: GlassFish does not inject that into CDI beans
 * of a library JAR, while every server honours a reference declared in a (fragment) descriptor. The
 * look-up needs {@code java:comp}, so the registry's beans are created on application threads
 * ({@code SignOffMetrics.prepare()} creates {@link SessionRegistry} at start-up, for JMX threads).
 */
@ApplicationScoped
public class RegistryStore {
    /** The name web-fragment.xml gives the registry's EntityManager. */
    static final String ENTITY_MANAGER = "java:comp/env/signoff/EntityManager";

    @Produces
    @SignOffResource
    EntityManager entityManager() {
        return Naming.lookup(ENTITY_MANAGER, EntityManager.class, "is the module's web-fragment.xml active?");
    }
}
