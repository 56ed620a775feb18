package dev.signoff.metrics;

import java.util.Map;

/**
 * What SignOff tells operators through JMX, one MBean per application:
 * {@code dev.signoff:type=SignOff,context="<context root>"}. Rates, means and maxima are over the
 * window between two reads of them (at least a second), so a monitoring tool that polls every
 * minute sees per-minute figures; counts are since the application started.
 */
public interface SignOffMetricsMXBean {
    /** Sessions live in the registry now (all nodes), or -1 when the database cannot be asked. Read at most every 5 s. */
    long getLiveSessions();

    /** Sessions started on this node since start. */
    long getSessionsStarted();

    /** Sessions ended on this node since start, by reason code (logout, logout_all, idle_timeout, ...). */
    Map<String, Long> getSessionsEnded();

    /** Registry checks made by the filter on this node since start. */
    long getChecks();

    /** Checks per second over the last window. */
    double getChecksPerSecond();

    /** Share of checks answered from the node's cache without reading the session's row (0..1), since start. */
    double getCacheHitRatio();

    /** Mean time of a check over the last window, in microseconds. */
    double getCheckLatencyMeanMicros();

    /** Longest check over the last window, in microseconds. */
    double getCheckLatencyMaxMicros();

    /** Requests refused (503) or session ends not recorded because the registry database failed, since start. */
    long getDatabaseErrors();

    /** Statements sent to the registry database by this node since start; -1 on the embedded Derby database (not counted). */
    long getRegistryStatements();
}
