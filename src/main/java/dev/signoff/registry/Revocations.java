package dev.signoff.registry;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffResource;
import dev.signoff.config.TokenSettings;
import dev.signoff.events.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The registry's revocation transactions, each {@code REQUIRES_NEW}; {@link SessionRegistry} calls
 * them and runs one again when the database rolled it back to break a lock conflict. Rows are
 * locked in Java's {@link String} order of their handles, the order {@link Purger} uses too, so
 * that the order does not depend on the database's collation.
 */
@ApplicationScoped
public class Revocations {
    @Inject
    @SignOffResource
    EntityManager em;
    @Inject
    Configuration configuration;
    @Inject
    RevocationPush push;

    /** Records this node wrote, for its own Bearer check to refuse at once (others read them within the staleness bound). */
    private final Queue<AccessRevocation.Entry> writtenHere = new ConcurrentLinkedQueue<>();

    /**
     * Ends the given sessions. Returns those this call ended, each as it was stored (already
     * revoked ones are skipped: whoever revoked first wins, once). One conditional update per row,
     * in Java's order, and a read of each row it ended by its key (an IN list of them made Derby
     * scan and lock others' rows: deadlocks); their audit rows go in JDBC batches at the commit
     * (persistence.xml). A single {@code UPDATE … IN (…)} would lock in the database's order,
     * which deadlocks with a purger.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<SessionSnapshot> revoke(Collection<String> handles, Revocation revocation) {
        List<SessionSnapshot> ended = new ArrayList<>();
        for (String handle : new TreeSet<>(handles)) {
            if (end(handle, revocation)) {
                SessionSnapshot stored = em.find(SessionRecord.class, handle).snapshot();
                record(stored, revocation);
                ended.add(stored);
            }
        }
        if (!ended.isEmpty()) {
            push.announce();
        }
        return ended;
    }

    /** Whether this call ended the row. */
    private boolean end(String handle, Revocation revocation) {
        // No flush before the statement: the row is not in the persistence context, and flushing
        // (checking every audit row persisted so far) would make a long end quadratic.
        return em.createNativeQuery(SessionRecord.REVOKE_SQL)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, revocation.at())
                .setParameter(2, revocation.reason().name())
                .setParameter(3, handle)
                .executeUpdate() == 1;
    }

    /** What goes with an end in its transaction: the audit row, and for a refresh family its access tokens' refusal. */
    private void record(SessionSnapshot ended, Revocation revocation) {
        em.persist(AuditRecord.ended(ended.user(), ended.handle(), revocation));
        refuseFamily(ended, revocation);
    }

    private void refuseFamily(SessionSnapshot ended, Revocation revocation) {
        if (ended.purpose() == Purpose.REFRESH) {
            refuseAccessTokens(AccessRevocation.Kind.FAMILY, ended.handle(), ended.user(), revocation);
        }
    }

    /**
     * Ends every live session of the user with one of the purposes, but {@code keep}; returns those
     * this call ended. On PostgreSQL as one set ({@link SetEnds}), elsewhere row by row.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<SessionSnapshot> revokeAllOf(String user, Optional<String> keep, Set<Purpose> purposes, Revocation revocation) {
        if (purposes.contains(Purpose.REFRESH)) {
            // Access tokens come from refresh families, kept or not: all the user's issued until now end.
            refuseAccessTokens(AccessRevocation.Kind.USER, user, user, revocation);
        }
        if (!SignOffDataSource.isPostgreSQL()) {
            List<String> handles = new ArrayList<>(em.createNamedQuery(SessionRecord.LIVE_HANDLES_BY_USER, String.class)
                    .setParameter("user", user)
                    .setParameter("purposes", List.copyOf(purposes))
                    .getResultList());
            keep.ifPresent(handles::remove);
            return revoke(handles, revocation);
        }
        List<SessionSnapshot> ended = new SetEnds(em).endAll(user, keep, purposes, revocation);
        ended.forEach(s -> refuseFamily(s, revocation));
        if (!ended.isEmpty()) {
            push.announce();
        }
        return ended;
    }

    /** Records access tokens refused from now on, in the same transaction; only where SignOff checks them. */
    private void refuseAccessTokens(AccessRevocation.Kind kind, String subject, String user, Revocation revocation) {
        TokenSettings tokens = configuration.settings().tokens();
        if (tokens.checksBearer()) {
            refuseAccessTokens(new AccessRevocation(kind, subject, user, revocation, revocation.at() + tokens.bearerMaxLifetime().toMillis()));
        }
    }

    /**
     * Stores the record and notes it for this node. Noted before the commit: a transaction rolled
     * back means an end that failed and is queued or retried, so refusing meanwhile is right.
     */
    public void refuseAccessTokens(AccessRevocation record) {
        em.persist(record);
        writtenHere.add(record.entry());
    }

    /** The records this node wrote since the last call. */
    public List<AccessRevocation.Entry> drainWrittenHere() {
        if (writtenHere.isEmpty()) {
            return List.of(); // the usual case, on every Bearer request: nothing to allocate
        }
        List<AccessRevocation.Entry> drained = new ArrayList<>();
        for (AccessRevocation.Entry e; (e = writtenHere.poll()) != null; ) {
            drained.add(e);
        }
        return drained;
    }
}
