package dev.signoff.registry;

import dev.signoff.config.Configuration;
import dev.signoff.config.Naming;
import dev.signoff.config.SignOffResource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revocations pushed to every node, where the registry is PostgreSQL and
 * {@code signoff.revocation-push=auto}: the transaction that stores an end also sends a
 * {@code NOTIFY} — delivered at commit, so never for an end that rolled back — and every node keeps
 * one connection of the server's pool {@code LISTEN}ing. A node that hears another node's
 * announcement has its cache read the revocation feed at the next request (one query, however
 * many announcements), so that end is refused there within milliseconds instead of within
 * {@code signoff.staleness}. The payload is the announcing node's random id, so a node skips its
 * own: no digest, handle or user name goes through it. The poll stays the safety net: while the
 * listening connection is down (it is re-made) only the staleness bound holds.
 * <p>
 * The PostgreSQL driver lives in the server, not in the app, so its {@code PGConnection} is reached
 * by reflection ({@link Notifications}).
 */
@ApplicationScoped
public class RevocationPush {
    static final String CHANNEL = "signoff_revocations";
    private static final Logger LOG = Logger.getLogger(RevocationPush.class.getName());
    /** How long one wait for announcements lasts before the loop looks whether the app stops. */
    private static final int WAIT_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final String node = UUID.randomUUID().toString();
    private volatile boolean announcing;
    private volatile boolean stopped;
    private Thread listener;

    @Inject
    Configuration configuration;
    @Inject
    @SignOffResource
    EntityManager em;

    /**
     * Starts listening, if the setting and the database allow it; {@code onAnnouncement} runs on the
     * listening thread after each batch of other nodes' announcements, and once after every
     * (re)connection for whatever was announced while nobody listened.
     */
    public synchronized void start(Runnable onAnnouncement) {
        // Embedded Derby is never PostgreSQL; a server DataSource is asked on the listening thread, so a
        // database that is down while the app starts does not turn the push off for the app's life.
        if (!configuration.settings().registry().pushesRevocations() || listener != null
                || !SignOffDataSource.usesServerDataSource()) {
            return;
        }
        DataSource source = new SignOffDataSource();
        try {
            listener = Naming.threadFactory().newThread(() -> listen(source, onAnnouncement));
            listener.setName("signoff-revocation-push");
            listener.start();
        } catch (RuntimeException e) {
            LOG.warning("SignOff: no thread to listen for revocations (" + e + "); this node polls only");
        }
    }

    /** Inside the transaction that stored an end: every other node hears of it when it commits. */
    void announce() {
        if (announcing) {
            // The node id is a UUID this class made: a safe literal (NOTIFY takes no bind parameters).
            em.createNativeQuery("NOTIFY " + CHANNEL + ", '" + node + "'").executeUpdate();
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen(DataSource source, Runnable onAnnouncement) {
        long backoff = 0;
        while (!stopped) {
            try (Connection c = source.getConnection()) {
                Optional<Notifications> notifications = subscribe(c);
                if (notifications.isEmpty()) {
                    return; // another database: the poll only
                }
                backoff = 0;
                onAnnouncement.run();
                relay(notifications.get(), onAnnouncement);
            } catch (ReflectiveOperationException e) {
                // This server hides the driver's PGConnection from the app: announcing stays on, for other nodes.
                LOG.warning("SignOff: cannot listen for revocations on this server (" + e + "); this node polls only");
                return;
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                // Once at WARNING when a working push breaks; the retries after that at FINE.
                LOG.log(backoff == 0 ? Level.WARNING : Level.FINE,
                        "SignOff: revocation push not listening (the poll of signoff.staleness still holds); retrying: " + e);
                backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(500, backoff * 2));
                if (!sleep(backoff)) {
                    return;
                }
            }
        }
    }

    /** Until the app stops: other nodes' announcements, in batches, to {@code onAnnouncement}. */
    private void relay(Notifications notifications, Runnable onAnnouncement) throws SQLException {
        while (!stopped) {
            if (notifications.awaitOthers(node, WAIT_MILLIS)) {
                onAnnouncement.run();
            }
        }
    }

    /** On PostgreSQL: this node announces from now on, and {@code c} listens; empty on another database. */
    private Optional<Notifications> subscribe(Connection c) throws SQLException, ReflectiveOperationException {
        if (!SignOffDataSource.isPostgreSQL(c)) {
            return Optional.empty();
        }
        announcing = true;
        Notifications notifications = Notifications.of(c);
        listenOn(c);
        return Optional.of(notifications);
    }

    private static void listenOn(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        LOG.info("SignOff: listening for other nodes' revocations (PostgreSQL NOTIFY on " + CHANNEL + ")");
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code org.postgresql.PGConnection#getNotifications(int)} of the pool's connection, by reflection. */
    static final class Notifications {
        private final Object connection;
        private final Method wait;
        private final Method parameter;

        private Notifications(Object connection, Method wait, Method parameter) {
            this.connection = connection;
            this.wait = wait;
            this.parameter = parameter;
        }

        static Notifications of(Connection pooled) throws SQLException, ReflectiveOperationException {
            Class<?> type = driverType(pooled);
            Class<?> notification = Class.forName("org.postgresql.PGNotification", false, type.getClassLoader());
            return new Notifications(pooled.unwrap(type), type.getMethod("getNotifications", int.class),
                    notification.getMethod("getParameter"));
        }

        /**
         * The app's loader sees the server's driver where the driver is a shared library (GlassFish,
         * Payara); else the driver's own loader does ({@link #driverLoader}).
         */
        private static Class<?> driverType(Connection pooled) throws SQLException, ReflectiveOperationException {
            try {
                return Class.forName("org.postgresql.PGConnection", false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException hidden) {
                return Class.forName("org.postgresql.PGConnection", false, driverLoader(pooled));
            }
        }

        /**
         * The loader of the driver's classes: the physical connection's, reached through the pool's
         * wrapper (IronJacamar's {@code getUnderlyingConnection}, WildFly); where the pool has no
         * such method (Open Liberty), that of a value only the driver makes — an interval is the
         * driver's {@code PGInterval}.
         */
        private static ClassLoader driverLoader(Connection pooled) throws SQLException, ReflectiveOperationException {
            Connection wrapper = pooled.unwrap(Connection.class); // the server pool's, from under SignOff's RenewingConnection
            try {
                return wrapper.getClass().getMethod("getUnderlyingConnection").invoke(wrapper).getClass().getClassLoader();
            } catch (NoSuchMethodException notIronJacamar) {
                try (Statement s = pooled.createStatement(); ResultSet r = s.executeQuery("SELECT INTERVAL '1 second'")) {
                    r.next();
                    return r.getObject(1).getClass().getClassLoader();
                }
            }
        }

        /**
         * Waits up to {@code millis} for announcements; true if one came from a node other than
         * {@code self}. A lost connection is an {@link SQLException}, as from any JDBC call.
         */
        boolean awaitOthers(String self, int millis) throws SQLException {
            try {
                Object[] received = (Object[]) wait.invoke(connection, millis);
                boolean others = false;
                for (Object n : received == null ? new Object[0] : received) {
                    others |= !self.equals(parameter.invoke(n));
                }
                return others;
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new SQLException(e);
            }
        }
    }
}
