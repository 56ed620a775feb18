package dev.signoff.registry;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A lost connection is replaced between transactions, whatever the server's pool wraps its exception in. */
class RenewingConnectionTest {
    private final List<String> calls = new ArrayList<>();

    /** A connection that fails every call but close with {@code failure}, or (null) records the call. */
    private Connection connection(String name, RuntimeException failure) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (p, m, a) -> {
            calls.add(name + "." + m.getName());
            if (failure != null && !m.getName().equals("close")) {
                throw failure;
            }
            return m.getReturnType() == boolean.class ? Boolean.FALSE : null;
        });
    }

    @Test
    void callWhenThePoolWrapsALostConnectionInAnUndeclaredThrowableThenRenewedAndCalledAgain() throws Exception {
        // As Payara's ConnectionHolder proxy throws it after the database went away and came back.
        RuntimeException wrapped = new UndeclaredThrowableException(new SQLException("This connection has been closed.", "08003"));
        List<Connection> fromPool = new ArrayList<>(List.of(connection("dead", wrapped), connection("fresh", null)));
        Connection c = RenewingConnection.open(() -> fromPool.remove(0));

        c.setAutoCommit(false);

        assertEquals(List.of("dead.setAutoCommit", "dead.close", "fresh.setAutoCommit"), calls);
    }

    @Test
    void callWhenAnotherRuntimeExceptionThenThrownAndNotRenewed() throws Exception {
        IllegalStateException bug = new IllegalStateException("not a lost connection");
        Connection c = RenewingConnection.open(() -> connection("only", bug));

        assertSame(bug, assertThrows(IllegalStateException.class, () -> c.setAutoCommit(false)));
        assertEquals(List.of("only.setAutoCommit"), calls);
    }
}
