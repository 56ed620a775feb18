package dev.signoff.registry;

import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Log out everywhere as one statement, on PostgreSQL: it locks the user's live rows in Java's order
 * of their handles ({@code ORDER BY … COLLATE "C" FOR UPDATE} locks rows as the sort hands them
 * out) — the order of every other end and of the {@link Purger}, so that it deadlocks with none —
 * ends them, writes their audit lines and returns them. One round trip for any number of sessions,
 * instead of two per session. Elsewhere {@link Revocations} ends row by row: Derby refuses
 * {@code FOR UPDATE} with {@code ORDER BY}, and InnoDB locks rows as it scans them, not in the order
 * it returns them. (Parameters stay few: EclipseLink binds a native statement's parameters in
 * quadratic time — 1 000 rows' worth took seconds.)
 */
final class SetEnds {
    /** The columns of {@link SessionSnapshot}, as {@link #snapshot} reads them. */
    private static final String COLUMNS = "HANDLE, TOKEN_DIGEST, USER_NAME, PURPOSE, CREATED_AT, LAST_SEEN_AT, IDLE_EXPIRES_AT,"
            + " ABSOLUTE_EXPIRES_AT, REVOKED_AT, END_REASON, IP, USER_AGENT, DEVICE";
    /**
     * Parameters: time, reason, user, the purposes, the handle kept if any, the IP if any. The locking
     * read is an {@code ARRAY(…)} the {@code UPDATE} takes as {@code = ANY}: PostgreSQL runs it once,
     * before the update, which finds the rows by primary key whatever the table's statistics say.
     * As {@code IN (…)} the plan followed the statistics: on an analyzed table a hash join against a
     * scan of all of it (1 000 000 rows, the statement alone in {@code psql}: 310–331 ms, 168–188 ms
     * this way); with the user's condition repeated to avoid that, on a table not yet analyzed a
     * nested loop re-ran the locking read per row (10 000 sessions: 12 s, their rows locked
     * throughout). The audit
     * line's id is PostgreSQL's random UUID (13+) without dashes, 32 hex digits (the column's length;
     * the entity's own ids are {@link Tokens#newHandle()}'s 22 characters). The "C" collation is
     * byte order, which is Java's {@code String} order for the handles' URL-safe Base64.
     */
    private static final String END_ALL = "WITH ENDED AS ("
            + "UPDATE SIGNOFF_SESSION SET REVOKED_AT = ?, END_REASON = ? WHERE HANDLE = ANY (ARRAY("
            + "SELECT HANDLE FROM SIGNOFF_SESSION WHERE USER_NAME = ? AND REVOKED_AT IS NULL AND PURPOSE IN (%s)%s"
            + " ORDER BY HANDLE COLLATE \"C\" FOR UPDATE)) RETURNING " + COLUMNS + "), "
            + "AUDIT AS (" + AuditRecord.INSERT_INTO
            + "SELECT REPLACE(CAST(gen_random_uuid() AS VARCHAR), '-', ''), REVOKED_AT, USER_NAME, HANDLE, '"
            + AuditRecord.Action.ENDED.name() + "', END_REASON, %s FROM ENDED) "
            + "SELECT " + COLUMNS + " FROM ENDED ORDER BY HANDLE COLLATE \"C\"";

    private final EntityManager em;

    SetEnds(EntityManager em) {
        this.em = em;
    }

    /** Ends every live session of the user with one of the purposes, but {@code keep}; returns them as stored. */
    List<SessionSnapshot> endAll(String user, Optional<String> keep, Set<Purpose> purposes, Revocation revocation) {
        // A missing IP (an end no request made) is written as NULL, not bound: Hibernate (WildFly)
        // binds an untyped null as bytes, which PostgreSQL will not put into a text column.
        String sql = String.format(END_ALL, String.join(", ", Collections.nCopies(purposes.size(), "?")),
                keep.isPresent() ? " AND HANDLE <> ?" : "", revocation.ip() == null ? "NULL" : "?");
        Query end = em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
        List<Object> parameters = new ArrayList<>(List.of(revocation.at(), revocation.reason().name(), user));
        purposes.forEach(p -> parameters.add(p.name()));
        keep.ifPresent(parameters::add);
        Optional.ofNullable(revocation.ip()).ifPresent(parameters::add);
        for (int i = 0; i < parameters.size(); i++) {
            end.setParameter(i + 1, parameters.get(i));
        }
        List<SessionSnapshot> ended = new ArrayList<>();
        for (Object row : end.getResultList()) {
            ended.add(snapshot((Object[]) row));
        }
        return ended;
    }

    private static SessionSnapshot snapshot(Object[] c) {
        return new SessionSnapshot((String) c[0], (String) c[1], (String) c[2], Purpose.valueOf((String) c[3]), millis(c[4]),
                millis(c[5]), millis(c[6]), millis(c[7]), millis(c[8]), EndReason.valueOf((String) c[9]),
                (String) c[10], (String) c[11], (String) c[12]);
    }

    private static long millis(Object column) {
        return ((Number) column).longValue();
    }
}
