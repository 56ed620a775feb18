package dev.signoff.registry;

import dev.signoff.config.SignOffResource;
import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JPA session registry: one row per session, looked up by token digest or handle. Writes run
 * in their own transaction ({@code REQUIRES_NEW}): a registry change commits on its own, never
 * joins (or is rolled back with) the caller's transaction, and never makes the caller's
 * transaction hold two non-XA resources. Revocations ({@link Revocations}) are conditional updates
 * ({@code WHERE REVOKED_AT IS NULL}) in handle order, so concurrent revokers never both claim the
 * same row, and no write ever brings a revoked row back; one the database rolls back to break a
 * lock conflict is run again.
 */
@ApplicationScoped
public class SessionRegistry {

    @Inject
    Revocations revocations;
    @Inject
    Rotations rotations;
    @Inject
    @SignOffResource
    EntityManager em;

    /** Calling it makes the container create the bean (and look up its EntityManager) now; reads then fail fast. */
    public void ready() {
        FailFastReads.apply(em);
    }

    /** Stores a new session, with its device described from the User-Agent, and its audit line. */
    @Transactional(TxType.REQUIRES_NEW)
    public SessionSnapshot open(NewSession s) {
        SessionRecord record = new SessionRecord(s, DeviceNames.describe(s.userAgent()));
        em.persist(record);
        em.persist(AuditRecord.started(s));
        return record.snapshot();
    }

    /** Stores a new remember-me session with the groups it signs in with, and its audit line. */
    @Transactional(TxType.REQUIRES_NEW)
    public SessionSnapshot openRemembered(NewSession s, Set<String> groups) {
        SessionSnapshot opened = open(s);
        em.persist(new RememberedGroups(s.handle(), groups));
        return opened;
    }

    /** The groups a remember-me session signs in with (none when it is unknown). */
    @Transactional(TxType.NOT_SUPPORTED)
    public Set<String> rememberedGroups(String handle) {
        return Optional.ofNullable(em.find(RememberedGroups.class, handle)).map(RememberedGroups::groups).orElse(Set.of());
    }

    /**
     * Records a login that was refused before any session was stored (e.g. reason
     * {@code fixation_suspected}): one audit line, under a handle of its own that names no session.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void auditRefusedLogin(String user, Revocation revocation) {
        em.persist(AuditRecord.ended(user, Tokens.newHandle(), revocation));
    }

    /**
     * Sessions live at {@code now} across all nodes: not revoked, not past their absolute lifetime nor
     * their idle expiry as last written (which lags activity by up to the last-seen interval).
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public long countLive(long now) {
        return em.createQuery("SELECT COUNT(s) FROM SessionRecord s WHERE s.revokedAt IS NULL"
                        + " AND s.idleExpiresAt > :now AND s.absoluteExpiresAt > :now", Long.class)
                .setParameter("now", now)
                .getSingleResult();
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
     * revoked ones are skipped: whoever revoked first wins, once). One transaction, retried when the
     * database rolled it back to break a lock conflict.
     */
    public List<SessionSnapshot> revoke(Collection<String> handles, Revocation revocation) {
        return LockConflicts.retryEnd("revocation", () -> revocations.revoke(handles, revocation));
    }

    /**
     * Ends every live session of the user with one of the purposes, but {@code keep}; returns those
     * this call ended. Retried like {@link #revoke}.
     */
    public List<SessionSnapshot> revokeAllOf(String user, Optional<String> keep, Set<Purpose> purposes, Revocation revocation) {
        return LockConflicts.retryEnd("log out everywhere", () -> revocations.revokeAllOf(user, keep, purposes, revocation));
    }

    /**
     * Replaces a refresh-token family's token {@code oldDigest} by {@code nextDigest}; false, changing
     * nothing, when the family has another token by now, has ended or has expired. Exactly one of any
     * number of concurrent rotations of one token succeeds, on any number of nodes. Retried like {@link #revoke}.
     */
    public boolean rotate(String handle, String oldDigest, String nextDigest, long now) {
        return LockConflicts.retry("refresh rotation", () -> rotations.rotate(handle, oldDigest, nextDigest, now));
    }

    /** The refresh token with this digest that a family once had and rotated away. */
    @Transactional(TxType.NOT_SUPPORTED)
    public Optional<SpentToken.Spent> findSpent(String digest) {
        return Optional.ofNullable(em.find(SpentToken.class, digest)).map(SpentToken::snapshot);
    }

    /**
     * Refuses one access token from now until it expires: a record keyed by the digest of its
     * ({@code iss}, {@code jti}), which every node reads within the staleness bound.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void revokeAccessToken(String issuerAndIdDigest, String user, Revocation revocation, long expiresAt) {
        revocations.refuseAccessTokens(new AccessRevocation(AccessRevocation.Kind.TOKEN, issuerAndIdDigest, user, revocation,
                expiresAt));
    }

    /** The access-token revocation records this node wrote since the last call (its Bearer check refuses them at once). */
    public List<AccessRevocation.Entry> drainAccessRevocationsWrittenHere() {
        return revocations.drainWrittenHere();
    }

    /** Access-token revocation records written at or after {@code since} (epoch ms), by any node. */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<AccessRevocation.Entry> accessRevocationsSince(long since) {
        return em.createNamedQuery(AccessRevocation.SINCE, AccessRevocation.class).setParameter("since", since)
                .getResultStream().map(AccessRevocation::entry).toList();
    }

    /** Access-token revocation records that still matter at {@code now}: what a node starts from. */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<AccessRevocation.Entry> liveAccessRevocations(long now) {
        return em.createNamedQuery(AccessRevocation.LIVE, AccessRevocation.class).setParameter("now", now)
                .getResultStream().map(AccessRevocation::entry).toList();
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
