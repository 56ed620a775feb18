package dev.signoff.registry;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retries a registry transaction that the database rolled back to break a lock conflict: a
 * deadlock victim or a lock wait that timed out. Such conflicts cannot be fully designed away
 * (InnoDB's next-key locks on secondary indexes, a database collation that orders keys
 * differently from the registry), and the transactions retried here are safe to run again: each is
 * idempotent (a revocation skips rows already ended; a purge batch re-checks its condition).
 */
final class LockConflicts {
    private static final Logger LOG = Logger.getLogger(LockConflicts.class.getName());
    /** Attempts in all, the first included. */
    static final int ATTEMPTS = 5;
    private static final long BACKOFF_MILLIS = 20;

    private LockConflicts() {
    }

    /** Runs {@code transaction} (a call through a {@code REQUIRES_NEW} proxy), again after a lock conflict. */
    static <T> T retry(String what, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isLockConflict(e)) {
                    throw e;
                }
                int next = attempt + 1;
                LOG.log(Level.FINE, e, () -> "SignOff: " + what + " rolled back on a lock conflict; attempt " + next + " of " + ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /**
     * As {@link #retry}, and run once more when the transaction's connection turned out dead (SQLState
     * 08): the pool may give a transaction a connection that died in an outage, found only at its
     * first statement, and the next run gets a renewed one. Once only: when the database itself is
     * unreachable, every run fails the same way, and the caller (a logout) must not wait for many.
     * For ends only: running one again cannot end anything twice, while a rotation whose commit was
     * lost would be refused the second time.
     */
    static <T> T retryEnd(String what, Supplier<T> transaction) {
        try {
            return retry(what, transaction);
        } catch (RuntimeException e) {
            if (!RenewingConnection.lost(e)) {
                throw e;
            }
            LOG.log(Level.FINE, e, () -> "SignOff: " + what + " lost its connection; running it once more");
            return retry(what, transaction);
        }
    }

    /**
     * Whether {@code e} comes from a deadlock or a lock wait timeout: SQLState class 40 (transaction
     * rollback: 40001, PostgreSQL's 40P01, Derby's 40XL1/40XL2), PostgreSQL's 55P03 (lock not
     * available), MySQL/MariaDB error 1205 (lock wait timeout) or 1213 (deadlock), or the JPA
     * exceptions providers raise for them.
     */
    static boolean isLockConflict(Throwable e) {
        return anyCause(e, t -> t instanceof PessimisticLockException || t instanceof LockTimeoutException
                || (t instanceof SQLException s && isLockConflict(s)));
    }

    /**
     * Whether {@code e} comes from a unique or primary key that already held the value: SQLState
     * class 23 (integrity constraint violation), or the JPA exception providers raise for it.
     */
    static boolean isDuplicateKey(Throwable e) {
        return anyCause(e, t -> t instanceof EntityExistsException
                || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")));
    }

    /** Whether {@code e} or any exception it wraps (causes, and a SQLException's next ones) passes {@code test}. */
    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof SQLException s && s.getNextException() != null) {
                todo.push(s.getNextException());
            }
        }
        return false;
    }

    private static boolean isLockConflict(SQLException s) {
        String state = s.getSQLState();
        return s instanceof SQLTransactionRollbackException
                || (state != null && (state.startsWith("40") || state.equals("55P03")))
                || s.getErrorCode() == 1205 || s.getErrorCode() == 1213;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS * attempt, 2 * BACKOFF_MILLIS * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("SignOff: interrupted while retrying a registry transaction", e);
        }
    }
}
