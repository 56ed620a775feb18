package dev.signoff.registry;

import jakarta.persistence.EntityManager;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * EclipseLink (GlassFish, Payara, Open Liberty) retries a read that failed on a lost connection
 * three times, five seconds apart: while the registry database is down each checked request would
 * hold a server thread for ten seconds or more before its 503. SignOff fails closed at once instead
 * and lets the next request try again ({@link RenewingConnection} makes the new connection).
 * By reflection on the provider's public API ({@code JpaEntityManager.getDatabaseSession().getLogin()}):
 * Open Liberty does not let applications see EclipseLink's classes, and Hibernate (WildFly) has no
 * such retries, so there this does nothing.
 */
final class FailFastReads {
    private static final Logger LOG = Logger.getLogger(FailFastReads.class.getName());

    private FailFastReads() {
    }

    static void apply(EntityManager em) {
        try {
            Object delegate = em.getDelegate();
            Object session = call(delegate, "getDatabaseSession");
            Object login = call(session, "getLogin");
            login.getClass().getMethod("setQueryRetryAttemptCount", int.class).invoke(login, 0);
            login.getClass().getMethod("setDelayBetweenConnectionAttempts", int.class).invoke(login, 0);
            LOG.fine("SignOff: EclipseLink's read retries off");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "SignOff: not EclipseLink, its read retries stay as they are", e);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }
}
