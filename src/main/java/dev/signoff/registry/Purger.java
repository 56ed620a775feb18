package dev.signoff.registry;

import dev.signoff.config.SignOffResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.util.List;
import java.util.TreeSet;

/**
 * Deletes ended and expired rows, one batch per transaction. Any number of nodes may run it at
 * once on the same database: a batch picks its rows in key order and deletes them one by one, each
 * with the purge condition checked again, so a row is deleted by exactly one purger, and a row
 * that came back to life in between (its idle expiry moved) is kept. The deletes go in Java's
 * {@link String} order of the keys, the order {@link Revocations} locks in, not in the database's:
 * a collation such as en_US sorts {@code "a_b"} before {@code "A-c"}, and two orders are a deadlock.
 * Deadlocks the database still finds (InnoDB's gap locks) roll the batch back;
 * {@link PurgeTask} runs it again.
 */
@ApplicationScoped
class Purger {

    /**
     * What one batch did.
     *
     * @param candidates rows the batch selected (equal to the limit: there may be more)
     * @param deleted    rows this batch deleted (fewer when another node got there first)
     */
    public record Batch(int candidates, int deleted) {
    }

    @Inject
    @SignOffResource
    EntityManager em;

    /**
     * Deletes up to {@code limit} sessions revoked or absolutely expired before {@code endedBefore},
     * or idle-expired before {@code idleBefore} (epoch ms).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Batch sessions(long endedBefore, long idleBefore, int limit) {
        List<String> handles = em.createNamedQuery(SessionRecord.PURGEABLE, String.class)
                .setParameter("ended", endedBefore)
                .setParameter("idle", idleBefore)
                .setMaxResults(limit)
                .getResultList();
        int deleted = 0;
        for (String handle : new TreeSet<>(handles)) {
            int gone = em.createNamedQuery(SessionRecord.PURGE)
                    .setParameter("handle", handle)
                    .setParameter("ended", endedBefore)
                    .setParameter("idle", idleBefore)
                    .executeUpdate();
            if (gone == 1) {
                // A family's spent tokens and a remember-me login's groups go with it (after its row, in the order rotations lock).
                em.createNamedQuery(SpentToken.PURGE).setParameter("handle", handle).executeUpdate();
                em.createNamedQuery(RememberedGroups.PURGE).setParameter("handle", handle).executeUpdate();
                em.createNamedQuery(ProviderLink.PURGE).setParameter("handle", handle).executeUpdate();
            }
            deleted += gone;
        }
        return new Batch(handles.size(), deleted);
    }

    /**
     * Deletes the access-token revocation records, and the logout tokens remembered against replay, that
     * stopped mattering before {@code before} (epoch ms).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int accessRevocations(long before) {
        em.createNamedQuery(SeenLogoutToken.PURGE).setParameter("before", before).executeUpdate();
        return em.createNamedQuery(AccessRevocation.PURGE).setParameter("before", before).executeUpdate();
    }

    /** Deletes up to {@code limit} audit rows written before {@code before} (epoch ms). */
    @Transactional(TxType.REQUIRES_NEW)
    public Batch audit(long before, int limit) {
        List<String> ids = em.createNamedQuery(AuditRecord.PURGEABLE, String.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        int deleted = 0;
        for (String id : new TreeSet<>(ids)) {
            deleted += em.createNamedQuery(AuditRecord.PURGE)
                    .setParameter("id", id)
                    .setParameter("before", before)
                    .executeUpdate();
        }
        return new Batch(ids.size(), deleted);
    }
}
