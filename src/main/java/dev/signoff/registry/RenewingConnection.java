package dev.signoff.registry;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

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

    /** New connections tried for one call: the server's pool may hand out a few dead ones before it notices. */
    private static final int RENEWALS = 3;

    private final Source source;
    private Connection current;
    private boolean autoCommit = true;
    /** Statements made since the last commit or rollback: the connection may not be swapped now. */
    private boolean inTransaction;
    private boolean closed;

    private RenewingConnection(Source source, Connection first) {
        this.source = source;
        this.current = first;
    }

    static Connection open(Source source) throws SQLException {
        Connection first = source.get();
        return (Connection) Proxy.newProxyInstance(RenewingConnection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new RenewingConnection(source, first));
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
                // fall through to the delegate below
            }
        }
        Object result = delegateRenewing(method, args);
        track(method, args);
        return result;
    }

    /** The call on the current connection; if that connection is lost between transactions, on a new one. */
    private Object delegateRenewing(Method method, Object[] args) throws Throwable {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate(method, args);
            } catch (SQLException | RuntimeException e) {
                // Payara's pool wraps the driver's exception of a dead connection in an UndeclaredThrowableException.
                if (closed || inTransaction || attempt > RENEWALS || !lost(e)) {
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

    private void renew() throws SQLException {
        Connection fresh = source.get();
        try {
            current.close();
        } catch (SQLException e) {
            // it is dead already: closing gives it back to the server's pool, which discards it
        }
        current = fresh;
        if (!autoCommit) {
            current.setAutoCommit(false);
        }
    }

    /** A connection exception (SQLState class 08), however wrapped: the connection is gone, the database may be back. */
    private static boolean lost(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql instanceof java.sql.SQLNonTransientConnectionException
                    || sql instanceof java.sql.SQLRecoverableException
                    || sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
