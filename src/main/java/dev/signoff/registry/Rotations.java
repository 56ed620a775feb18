package dev.signoff.registry;

import dev.signoff.config.SignOffResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The registry's rotation transaction for a refresh-token family's token, beside {@link Revocations};
 * {@link SessionRegistry} calls it. A rotation is one
 * conditional update of the family's row ({@code WHERE TOKEN_DIGEST = old AND REVOKED_AT IS NULL}
 * and not expired) and the spent token's row, in one transaction. The row lock makes it exact on
 * one node or many: of two refreshes of one token exactly one changes the row; a revocation and a
 * rotation of one family are ordered by that lock too, so a revocation always ends the token the
 * rotation issued, and a rotation never revives a revoked family.
 */
@ApplicationScoped
public class Rotations {
    private static final String ROTATE = "UPDATE SessionRecord s SET s.tokenDigest = :next, s.lastSeenAt = :now"
            + " WHERE s.handle = :handle AND s.tokenDigest = :old AND s.revokedAt IS NULL AND s.absoluteExpiresAt > :now";

    @Inject
    @SignOffResource
    EntityManager em;

    /**
     * Replaces the family's token {@code oldDigest} by {@code nextDigest} at {@code now}. Returns false,
     * changing nothing, when the family has another token by now, has ended or has expired.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean rotate(String handle, String oldDigest, String nextDigest, long now) {
        int updated = em.createQuery(ROTATE)
                .setParameter("next", nextDigest)
                .setParameter("now", now)
                .setParameter("handle", handle)
                .setParameter("old", oldDigest)
                .executeUpdate();
        if (updated != 1) {
            return false;
        }
        em.persist(new SpentToken(oldDigest, handle, nextDigest, now));
        return true;
    }
}
