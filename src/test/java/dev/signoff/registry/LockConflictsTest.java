package dev.signoff.registry;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockConflictsTest {

    /** How providers and containers hand a driver's exception up: wrapped, sometimes twice. */
    private static RuntimeException wrapped(SQLException driver) {
        return new IllegalStateException("transaction rolled back", new PersistenceException("Exception [EclipseLink-4002]", driver));
    }

    @Test
    void isLockConflictWhenDeadlockOrLockTimeoutOfEachDatabaseThenTrue() {
        assertTrue(LockConflicts.isLockConflict(wrapped(new SQLException("ERROR: deadlock detected", "40P01"))), "PostgreSQL deadlock");
        assertTrue(LockConflicts.isLockConflict(wrapped(new SQLException("ERROR: canceling statement due to lock timeout", "55P03"))),
                "PostgreSQL lock_timeout");
        assertTrue(LockConflicts.isLockConflict(wrapped(new SQLException("Deadlock found when trying to get lock", "40001", 1213))),
                "MariaDB deadlock");
        assertTrue(LockConflicts.isLockConflict(wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205))),
                "MariaDB lock wait timeout");
        assertTrue(LockConflicts.isLockConflict(wrapped(new SQLException("A lock could not be obtained due to a deadlock", "40001"))),
                "Derby deadlock");
        assertTrue(LockConflicts.isLockConflict(new PessimisticLockException("Hibernate's LockAcquisitionException")), "JPA's own");
    }

    @Test
    void isLockConflictWhenTheConflictIsAChainedNextExceptionThenTrue() {
        SQLException batch = new BatchUpdateException("Batch entry 3 was aborted", "XX000", 0, new int[0]);
        batch.setNextException(new SQLException("ERROR: deadlock detected", "40P01"));
        assertTrue(LockConflicts.isLockConflict(wrapped(batch)));
    }

    @Test
    void isLockConflictWhenAnotherDatabaseErrorThenFalse() {
        assertFalse(LockConflicts.isLockConflict(wrapped(new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertFalse(LockConflicts.isLockConflict(wrapped(new SQLException("Connection refused", "08001"))));
        assertFalse(LockConflicts.isLockConflict(new IllegalStateException("no cause")));
    }

    @Test
    void isLockConflictWhenTheCauseChainLoopsThenItEnds() {
        SQLException a = new SQLException("a", "08001");
        SQLException b = new SQLException("b", "08001");
        a.setNextException(b);
        b.setNextException(a);
        assertFalse(LockConflicts.isLockConflict(new RuntimeException(a)));
    }

    @Test
    void retryWhenRolledBackOnConflictsThenRunAgainUntilItCommits() {
        AtomicInteger calls = new AtomicInteger();
        String result = LockConflicts.retry("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw wrapped(new SQLException("ERROR: deadlock detected", "40P01"));
            }
            return "committed";
        });
        assertEquals("committed", result);
        assertEquals(3, calls.get());
    }

    @Test
    void retryWhenConflictsGoOnThenGivesUpAfterTheLastAttemptWithTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException last = wrapped(new SQLException("ERROR: deadlock detected", "40P01"));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> LockConflicts.retry("test", () -> {
            calls.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(LockConflicts.ATTEMPTS, calls.get());
    }

    @Test
    void retryWhenAnotherErrorThenNotRunAgain() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> LockConflicts.retry("test", () -> {
            calls.incrementAndGet();
            throw wrapped(new SQLException("Connection refused", "08001"));
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void retryEndWhenTheTransactionsConnectionWasLostThenRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException dead = wrapped(new SQLException("This connection has been closed.", "08003"));

        int ended = LockConflicts.retryEnd("test", () -> {
            if (runs.incrementAndGet() == 1) {
                throw dead;
            }
            return 7;
        });

        assertEquals(7, ended);
        assertEquals(2, runs.get());
    }

    @Test
    void retryWhenTheConnectionWasLostThenNotRunAgain() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException dead = wrapped(new SQLException("This connection has been closed.", "08003"));

        assertSame(dead, assertThrows(RuntimeException.class, () -> LockConflicts.retry("rotation", () -> {
            runs.incrementAndGet();
            throw dead;
        })));
        assertEquals(1, runs.get(), "a rotation whose commit may have gone through is not run twice");
    }

    @Test
    void retryEndWhenEveryRunLosesItsConnectionThenRunOnceMoreOnly() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException dead = wrapped(new SQLException("Connection refused.", "08001"));

        assertSame(dead, assertThrows(RuntimeException.class, () -> LockConflicts.retryEnd("test", () -> {
            runs.incrementAndGet();
            throw dead;
        })));
        assertEquals(2, runs.get(), "an unreachable database fails every run alike: one more, not " + LockConflicts.ATTEMPTS);
    }
}
