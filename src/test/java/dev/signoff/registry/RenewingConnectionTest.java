package dev.signoff.registry;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A lost connection is replaced between transactions, whatever the server's pool wraps its exception in. */
class RenewingConnectionTest {
    private final List<String> calls = new ArrayList<>();

    /** A connection that fails every call but close with {@code failure}, or (null) records the call. */
    private Connection connection(String name, Throwable failure) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (p, m, a) -> {
            calls.add(name + "." + m.getName());
            if (failure != null && !m.getName().equals("close")) {
                throw failure;
            }
            return m.getName().equals("isValid") ? Boolean.TRUE : m.getReturnType() == boolean.class ? Boolean.FALSE : null;
        });
    }

    @Test
    void callWhenThePoolWrapsALostConnectionInAnUndeclaredThrowableThenRenewedAndCalledAgain() throws Exception {
        // As Payara's ConnectionHolder proxy throws it after the database went away and came back.
        RuntimeException wrapped = new UndeclaredThrowableException(new SQLException("This connection has been closed.", "08003"));
        List<Connection> fromPool = new ArrayList<>(List.of(connection("dead", wrapped), connection("fresh", null)));
        Connection c = RenewingConnection.open(() -> fromPool.remove(0));

        c.setAutoCommit(false);

        assertEquals(List.of("dead.setAutoCommit", "fresh.isValid", "dead.close", "fresh.setAutoCommit"), calls);
    }

    @Test
    void callWhenWildFlysPoolDestroyedTheConnectionUnderTheHandleThenRenewedAndCalledAgain() throws Exception {
        // WildFly's answer on a handle whose managed connection its pool destroyed: no SQLState.
        SQLException dissociated = new SQLException("IJ031040: Connection is not associated with a managed connection: WrappedConnectionJDK8@1");
        List<Connection> fromPool = new ArrayList<>(List.of(connection("dead", dissociated), connection("fresh", null)));
        Connection c = RenewingConnection.open(() -> fromPool.remove(0));

        c.setAutoCommit(false);

        assertEquals(List.of("dead.setAutoCommit", "fresh.isValid", "dead.close", "fresh.setAutoCommit"), calls);
    }

    @Test
    void callWhenAnotherRuntimeExceptionThenThrownAndNotRenewed() throws Exception {
        IllegalStateException bug = new IllegalStateException("not a lost connection");
        Connection c = RenewingConnection.open(() -> connection("only", bug));

        assertSame(bug, assertThrows(IllegalStateException.class, () -> c.setAutoCommit(false)));
        assertEquals(List.of("only.setAutoCommit"), calls);
    }

    @Test
    void callWhenThePoolHandsOutManyDeadConnectionsAfterAnOutageThenRenewedUntilALiveOne() throws Exception {
        // Payara's steady pool of 32 connections all died with the database; it hands them out one by one.
        SQLException closed = new SQLException("This connection has been closed.", "08003");
        List<Connection> fromPool = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            fromPool.add(connection("dead" + i, new UndeclaredThrowableException(closed)));
        }
        fromPool.add(connection("fresh", null));
        Connection c = RenewingConnection.open(() -> fromPool.remove(0));

        c.prepareStatement("SELECT 1");

        assertEquals("fresh.prepareStatement", calls.get(calls.size() - 1));
    }

    @Test
    void openWhenThePoolThrowsForADeadConnectionThenAskedAgain() throws Exception {
        List<Object> fromPool = new ArrayList<>(List.of(new SQLException("This Managed Connection is not valid"), connection("fresh", null)));
        Connection c = RenewingConnection.open(() -> {
            Object next = fromPool.remove(0);
            if (next instanceof SQLException e) {
                throw e;
            }
            return (Connection) next;
        });

        c.setAutoCommit(false);

        assertEquals(List.of("fresh.setAutoCommit"), calls);
    }

    @Test
    void openWhenThePoolKeepsThrowingThenTheFailureAfterAFewTries() {
        List<String> asked = new ArrayList<>();
        SQLException down = new SQLException("Connection refused", "08001");

        assertSame(down, assertThrows(SQLException.class, () -> RenewingConnection.open(() -> {
            asked.add("get");
            throw down;
        })));
        assertEquals(3, asked.size());
    }

    @Test
    void callWhenARollbackFailedOnTheLostConnectionThenTheNextTransactionRenewsIt() throws Exception {
        AtomicBoolean gone = new AtomicBoolean();
        Connection first = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (p, m, a) -> {
            calls.add("first." + m.getName());
            if (gone.get() && !m.getName().equals("close")) {
                throw new UndeclaredThrowableException(new SQLException("This connection has been closed.", "08003"));
            }
            return m.getName().equals("isValid") ? Boolean.TRUE : null;
        });
        List<Connection> fromPool = new ArrayList<>(List.of(first, connection("fresh", null)));
        Connection c = RenewingConnection.open(() -> fromPool.remove(0));
        c.setAutoCommit(false);
        c.prepareStatement("UPDATE T SET X = 1");

        gone.set(true); // the database goes away in the middle of the transaction
        assertThrows(UndeclaredThrowableException.class, c::rollback);
        c.prepareStatement("SELECT 1");

        assertEquals("fresh.prepareStatement", calls.get(calls.size() - 1));
    }

    @Test
    void renewWhenThePoolsNextConnectionDoesNotAnswerThenItIsPassedOver() throws Exception {
        SQLException closed = new SQLException("This connection has been closed.", "08003");
        List<Connection> fromPool = new ArrayList<>(List.of(connection("dead", new UndeclaredThrowableException(closed)),
                connection("deadToo", new UndeclaredThrowableException(closed)), connection("fresh", null)));
        Connection c = RenewingConnection.open(() -> fromPool.remove(0));

        c.setAutoCommit(false);

        assertEquals(List.of("dead.setAutoCommit", "deadToo.isValid", "deadToo.close", "fresh.isValid", "dead.close", "fresh.setAutoCommit"), calls);
    }

    @Test
    void beginWhenTheConnectionWasIdleAndDoesNotAnswerThenRenewedBeforeTheTransaction() throws Exception {
        AtomicBoolean gone = new AtomicBoolean();
        Connection first = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (p, m, a) -> {
            calls.add("first." + m.getName());
            return m.getName().equals("isValid") ? !gone.get() : null; // a dead socket: only a round trip tells
        });
        List<Connection> fromPool = new ArrayList<>(List.of(first, connection("fresh", null)));
        Connection c = RenewingConnection.open(() -> fromPool.remove(0));
        c.setAutoCommit(true);
        gone.set(true);
        Thread.sleep(1100);
        calls.clear();

        c.setAutoCommit(false);

        assertEquals(List.of("first.isValid", "fresh.isValid", "first.close", "fresh.setAutoCommit"), calls);
    }

    @Test
    void callWhenTheDatabaseDoesNotAnswerAtAllThenGivesUpWithinItsBudget() {
        // A blackholed database: every connection of the pool takes its time to fail, its validation too.
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        SQLException timedOut = new SQLException("The connection attempt timed out.", "08006");
        RenewingConnection.Source slow = () -> {
            taken.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (p, m, a) -> {
                if (m.getName().equals("close")) {
                    return null;
                }
                Thread.sleep(20);
                if (m.getName().equals("isValid")) {
                    return false;
                }
                throw new UndeclaredThrowableException(timedOut);
            });
        };

        SQLException failure = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            Connection c = RenewingConnection.open(slow, java.time.Duration.ofMillis(200));
            return assertThrows(SQLException.class, () -> c.prepareStatement("SELECT 1"));
        });
        assertEquals("08001", failure.getSQLState(), failure::toString);
        org.junit.jupiter.api.Assertions.assertTrue(taken.get() < 20, "connections taken: " + taken.get());
    }
}
