package dev.signoff.registry;

import dev.signoff.config.SignOffResource;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * Ends the given sessions. Returns those this call ended, each as it was stored (already
     * revoked ones are skipped: whoever revoked first wins, once).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<SessionSnapshot> revoke(Collection<String> handles, Revocation revocation) {
        List<SessionSnapshot> ended = new ArrayList<>();
        for (String handle : new TreeSet<>(handles)) {
            int updated = em.createNamedQuery(SessionRecord.REVOKE)
                    .setParameter("now", revocation.at())
                    .setParameter("reason", revocation.reason())
                    .setParameter("handle", handle)
                    .executeUpdate();
            if (updated == 1) {
                SessionRecord record = em.find(SessionRecord.class, handle);
                em.refresh(record);
                em.persist(AuditRecord.ended(record.snapshot().user(), handle, revocation));
                ended.add(record.snapshot());
            }
        }
        return ended;
    }

    /** Ends every live session of the user with one of the purposes, but {@code keep}; returns those this call ended. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<SessionSnapshot> revokeAllOf(String user, Optional<String> keep, Set<Purpose> purposes, Revocation revocation) {
        List<String> handles = new ArrayList<>(em.createNamedQuery(SessionRecord.LIVE_HANDLES_BY_USER, String.class)
                .setParameter("user", user)
                .setParameter("purposes", List.copyOf(purposes))
                .getResultList());
        keep.ifPresent(handles::remove);
        return revoke(handles, revocation);
    }
}
