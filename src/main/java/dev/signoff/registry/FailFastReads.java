package dev.signoff.registry;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink (GlassFish, Payara, Open Liberty) retries a read that failed on a lost connection
 * three times, five seconds apart: while the registry database is down each checked request would
 * hold a server thread for ten seconds or more before its 503. SignOff fails closed at once instead
 * and lets the next request try again ({@code RenewingConnection} makes the new connection).
 * Named in persistence.xml; other JPA providers (Hibernate on WildFly) never load it.
 */
public class FailFastReads implements SessionCustomizer {
    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
