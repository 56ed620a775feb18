package dev.signoff.config;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * What SignOff takes from the server and the platform, for injection:
 * <ul>
 *   <li>the clock every expiry and cut-off is computed with (one place to fix it in a test);</li>
 *   <li>the server's default managed scheduler (Jakarta Concurrency), for the purge, the retries of
 *       {@code PendingEnds} and the live streams' checks.</li>
 * </ul>
 * The scheduler is looked up in JNDI rather than taken by {@code @Resource}: GlassFish does not
 * inject resources into CDI beans of a library JAR (the module lives in {@code WEB-INF/lib}). The
 * look-up needs the application's naming context ({@code java:comp}), which a JMX thread lacks on
 * WildFly: the beans that take it are created on application threads.
 */
@ApplicationScoped
class Platform {
    /** JNDI name of the server's default managed scheduler. */
    static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    @Produces
    @SignOffResource
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @SignOffResource
    ManagedScheduledExecutorService scheduler() {
        return Naming.lookup(SCHEDULER, ManagedScheduledExecutorService.class, "the server lacks Jakarta Concurrency");
    }
}
