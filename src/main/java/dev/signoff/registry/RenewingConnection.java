package dev.signoff.registry;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A connection of the admin's server DataSource as SignOff's own pool keeps it: when the database
 * went away, the server closes the connection under it, and a pool that does not validate (the
 * one GlassFish makes of a {@code <data-source>}: validation off, no setting) would hand that dead
 * connection out until its idle timeout, minutes of {@code registry_unavailable} after the database
 * is back. When a call fails with a connection exception (SQLState 08), this one takes a new
 * connection from the server's pool and makes the call again, but only between transactions: a
 * statement of a transaction never runs on another connection than the ones before it.
 */
final class RenewingConnection implements InvocationHandler {
    /** Where a new connection comes from. */
    interface Source {
        Connection get() throws SQLException;
    }

    /**
     * New connections tried for one call: after an outage the server's pool hands out its dead
     * connections one after the other before it notices (as many as it kept: Payara's steady pool
     * is 8, an admin's may be 32). A dead one fails at once, on this side, so trying many is cheap.
     */
    private static final int RENEWALS = 64;
    /**
     * A transaction that begins on a connection idle for longer first asks the database whether it
     * is there (one round trip): a socket that died in an outage fails only at its first statement,
     * inside the transaction, where it cannot be swapped any more.
     */
    private static final long IDLE_BEFORE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int VALIDATION_SECONDS = 2;
    /** Times the server's pool is asked for a connection when it throws instead of handing one out. */
    private static final int TAKES = 3;
    /**
     * How long one call may spend renewing: dead connections fail at once, but when the database does
     * not answer at all (a network cut, a blackholed host) each validation waits its full time, and
     * trying the pool's connections one after the other would hold the request for minutes.
     */
    static final Duration RENEW_BUDGET = Duration.ofSeconds(5);

    private final Source source;
    private final long budgetNanos;
    /** Until when (System.nanoTime) the current call may renew its connection. */
    private long renewUntil;
    private Connection current;
    private boolean autoCommit = true;
    /** Statements made since the last commit or rollback: the connection may not be swapped now. */
    private boolean inTransaction;
    private boolean closed;
    private long idleSince = System.nanoTime();

    private RenewingConnection(Source source, Connection first, Duration budget) {
        this.source = source;
        this.current = first;
        this.budgetNanos = budget.toNanos();
    }

    static Connection open(Source source) throws SQLException {
        return open(source, RENEW_BUDGET);
    }

    /** As {@link #open(Source)}, renewing for at most {@code budget} per call. */
    static Connection open(Source source, Duration budget) throws SQLException {
        Connection first = take(source);
        return (Connection) Proxy.newProxyInstance(RenewingConnection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new RenewingConnection(source, first, budget));
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close" -> {
                closed = true;
                current.close();
                return null;
            }
            case "isClosed" -> {
                return closed;
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "RenewingConnection[" + current + "]";
            }
            default -> {
                return call(method, args);
            }
        }
    }

    /** A call of the Connection interface, on the current connection or a renewed one. */
    private Object call(Method method, Object[] args) throws Throwable {
        renewUntil = System.nanoTime() + budgetNanos;
        if (beginsTransaction(method, args) && System.nanoTime() - idleSince > IDLE_BEFORE_CHECK_NANOS && !valid(current)) {
            renew();
        }
        try {
            Object result = delegateRenewing(method, args);
            track(method, args);
            return result;
        } finally {
            idleSince = System.nanoTime();
            // A commit or rollback that failed on a lost connection ended the transaction too (the
            // database rolls back what the connection did): without this, the dead connection would
            // count as in a transaction for good and never be renewed.
            if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                inTransaction = false;
            }
        }
    }

    /** The call on the current connection; if that connection is lost between transactions, on a new one. */
    private Object delegateRenewing(Method method, Object[] args) throws Throwable {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate(method, args);
            } catch (SQLException | RuntimeException e) {
                // Payara's pool wraps the driver's exception of a dead connection in an UndeclaredThrowableException.
                if (closed || inTransaction || attempt > RENEWALS || outOfTime() || !lost(e)) {
                    throw e;
                }
                renew();
            }
        }
    }

    private Object delegate(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(current, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void track(Method method, Object[] args) {
        switch (method.getName()) {
            case "setAutoCommit" -> {
                autoCommit = (Boolean) args[0];
                inTransaction = false;
            }
            case "commit", "rollback" -> inTransaction = false;
            case "createStatement", "prepareStatement", "prepareCall" -> {
                inTransaction = !autoCommit;
                StatementCount.prepared();
            }
            default -> {
                // reads of the connection's state change nothing
            }
        }
    }

    /**
     * A connection from the server's pool, asked again when it fails: after an outage Payara's pool
     * hands out its dead connections one by one, each failing ("physical connection is not usable")
     * and discarded, before it makes a new one.
     */
    private static Connection take(Source source) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return source.get();
            } catch (SQLException e) {
                if (attempt >= TAKES) {
                    throw e;
                }
            }
        }
    }

    private boolean beginsTransaction(Method method, Object[] args) {
        return !inTransaction && method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0]);
    }

    private static boolean valid(Connection c) {
        try {
            return c.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The current connection swapped for a new one that answers (the pool's next may be as dead as this
     * one); throws, keeping the current one, when none answered within the call's budget.
     */
    private void renew() throws SQLException {
        Connection fresh = take(source);
        for (int tried = 1; !valid(fresh); tried++) {
            closeQuietly(fresh);
            if (tried >= RENEWALS || outOfTime()) {
                throw new SQLNonTransientConnectionException("SignOff: no connection of the server's pool answered", "08001");
            }
            fresh = take(source);
        }
        closeQuietly(current);
        current = fresh;
        if (!autoCommit) {
            current.setAutoCommit(false);
        }
    }

    private boolean outOfTime() {
        return System.nanoTime() - renewUntil > 0;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // it is dead already: closing gives it back to the server's pool, which discards it
        }
    }

    /** A connection exception (SQLState class 08, or WildFly's dissociated handle), however wrapped: the connection is gone, the database may be back. */
    static boolean lost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql instanceof java.sql.SQLNonTransientConnectionException
                    || sql instanceof java.sql.SQLRecoverableException
                    || sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || dissociated(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * WildFly's pool destroys a connection that failed, and the handle SignOff holds then answers
     * every call with IJ031040 ("Connection is not associated with a managed connection"), without
     * an SQLState: lost as much as a dead socket, and never usable again (it-outage on WildFly).
     */
    private static boolean dissociated(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().startsWith("IJ031040");
    }
}
