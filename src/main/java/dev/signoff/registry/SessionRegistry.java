package dev.signoff.registry;

import dev.signoff.events.EndReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.annotation.PostConstruct;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The JPA session registry: one row per session, looked up by token digest or handle. Writes run
 * in their own transaction ({@code REQUIRES_NEW}): a registry change commits on its own, never
 * joins (or is rolled back with) the caller's transaction, and never makes the caller's
 * transaction hold two non-XA resources. Revocations are conditional updates
 * ({@code WHERE REVOKED_AT IS NULL}) in handle order, so concurrent revokers neither deadlock nor
 * both claim the same row, and no write ever brings a revoked row back.
 */
@ApplicationScoped
public class SessionRegistry {

    /** The name web-fragment.xml gives the registry's container-managed EntityManager. */
    static final String ENTITY_MANAGER = "java:comp/env/signoff/EntityManager";

    private EntityManager em;

    @PostConstruct
    void lookUpEntityManager() {
        try {
            // A transaction-scoped container proxy: safe to keep and share across threads.
            em = (EntityManager) new InitialContext().lookup(ENTITY_MANAGER);
        } catch (NamingException e) {
            throw new IllegalStateException("SignOff: no " + ENTITY_MANAGER + "; is the module's web-fragment.xml active?", e);
        }
    }

    /** Stores a new session and its audit line. */
    @Transactional(TxType.REQUIRES_NEW)
    public SessionSnapshot open(NewSession s) {
        SessionRecord record = new SessionRecord(s.handle(), s.tokenDigest(), s.user(), s.purpose(), s.now(),
                s.idleExpiresAt(), s.absoluteExpiresAt(), s.ip(), s.userAgent());
        em.persist(record);
        em.persist(new AuditRecord(s.now(), s.user(), s.handle(), AuditRecord.Action.STARTED, null, s.ip()));
        return record.snapshot();
    }

    /** The session whose token has this digest, revoked or not. */
    @Transactional(TxType.NOT_SUPPORTED)
    public Optional<SessionSnapshot> findByDigest(String digest) {
        return em.createNamedQuery(SessionRecord.BY_DIGEST, SessionRecord.class)
                .setParameter("digest", digest)
                .getResultStream().findFirst().map(SessionRecord::snapshot);
    }

    /** The session with this handle, revoked or not. */
    @Transactional(TxType.NOT_SUPPORTED)
    public Optional<SessionSnapshot> findByHandle(String handle) {
        return Optional.ofNullable(em.find(SessionRecord.class, handle)).map(SessionRecord::snapshot);
    }

    /** Digests, with reasons, of the sessions revoked at or after {@code since} (epoch ms), by any node. */
    @Transactional(TxType.NOT_SUPPORTED)
    public Map<String, EndReason> revokedSince(long since) {
        Map<String, EndReason> revoked = new HashMap<>();
        em.createNamedQuery(SessionRecord.REVOKED_SINCE, Object[].class)
                .setParameter("since", since)
                .getResultStream()
                .forEach(row -> revoked.put((String) row[0], (EndReason) row[1]));
        return revoked;
    }

    /** The user's sessions that are neither revoked nor expired at {@code now}, most recently used first. */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<SessionSnapshot> listLive(String user, long now) {
        return em.createNamedQuery(SessionRecord.LIVE_BY_USER, SessionRecord.class)
                .setParameter("user", user)
                .setParameter("now", now)
                .getResultStream().map(SessionRecord::snapshot).toList();
    }

    /**
     * Ends the given sessions. Returns those this call ended, each as it was stored (already
     * revoked ones are skipped: whoever revoked first wins, once).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<SessionSnapshot> revoke(Collection<String> handles, EndReason reason, long now, String ip) {
        List<SessionSnapshot> ended = new ArrayList<>();
        for (String handle : new TreeSet<>(handles)) {
            int updated = em.createNamedQuery(SessionRecord.REVOKE)
                    .setParameter("now", now)
                    .setParameter("reason", reason)
                    .setParameter("handle", handle)
                    .executeUpdate();
            if (updated == 1) {
                SessionRecord record = em.find(SessionRecord.class, handle);
                em.refresh(record);
                em.persist(new AuditRecord(now, record.snapshot().user(), handle, AuditRecord.Action.ENDED, reason, ip));
                ended.add(record.snapshot());
            }
        }
        return ended;
    }

    /** Ends every live session of the user but {@code keep}; returns those this call ended. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<SessionSnapshot> revokeAllOf(String user, Optional<String> keep, EndReason reason, long now, String ip) {
        List<String> handles = new ArrayList<>(em.createNamedQuery(SessionRecord.LIVE_HANDLES_BY_USER, String.class)
                .setParameter("user", user)
                .getResultList());
        keep.ifPresent(handles::remove);
        return revoke(handles, reason, now, ip);
    }

    /**
     * Records activity: last seen and the idle expiry move forward, only for a live row and only
     * forward. Returns false when the row is revoked or unknown.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean touch(String handle, long now, long idleExpiresAt) {
        int updated = em.createNamedQuery(SessionRecord.TOUCH)
                .setParameter("now", now)
                .setParameter("idle", idleExpiresAt)
                .setParameter("handle", handle)
                .executeUpdate();
        if (updated == 1) {
            return true;
        }
        return findByHandle(handle).filter(s -> !s.revoked()).isPresent();
    }
}
