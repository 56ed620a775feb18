package dev.signoff.registry;

import java.util.concurrent.atomic.LongAdder;

/**
 * The statements this application prepared on the registry's server DataSource since it started
 * (counted where {@link RenewingConnection} hands them out: every statement the JPA provider sends
 * goes through it). An operator's and a benchmark's measure of what a request costs the database:
 * in steady state the filter answers from the node's cache, so this grows by about one per node per
 * {@code signoff.staleness}, not per request. Not counted on the embedded Derby database.
 */
public final class StatementCount {
    private static final LongAdder PREPARED = new LongAdder();

    private StatementCount() {
    }

    static void prepared() {
        PREPARED.increment();
    }

    /** Statements prepared since start, or -1 on the embedded Derby database, where they are not counted. */
    public static long sinceStart() {
        return SignOffDataSource.usesServerDataSource() ? PREPARED.sum() : -1;
    }
}
