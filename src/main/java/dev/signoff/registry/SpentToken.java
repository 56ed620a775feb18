package dev.signoff.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A refresh token that was rotated away: kept (as a digest) for as long as its family, so that
 * presenting it again is recognised as reuse of the family's token, not as an unknown token.
 * {@code successorDigest} is the token that replaced it, which tells the immediately previous
 * token (tolerated within the grace window) from an older one (reuse: the family ends).
 */
@Entity
@Table(name = "SIGNOFF_SPENT_TOKEN", indexes = @Index(name = "SIGNOFF_SPENT_TOKEN_HANDLE", columnList = "HANDLE"))
@NamedQuery(name = SpentToken.PURGE, query = "DELETE FROM SpentToken t WHERE t.handle = :handle")
public class SpentToken {
    static final String PURGE = "SignOff.SpentToken.purge";

    @Id
    @Column(name = "TOKEN_DIGEST", length = 64)
    private String tokenDigest;

    @Column(name = "HANDLE", length = 32, nullable = false)
    private String handle;

    @Column(name = "SUCCESSOR_DIGEST", length = 64, nullable = false)
    private String successorDigest;

    @Column(name = "SPENT_AT", nullable = false)
    private long spentAt;

    protected SpentToken() {
        // for JPA
    }

    SpentToken(String tokenDigest, String handle, String successorDigest, long spentAt) {
        this.tokenDigest = tokenDigest;
        this.handle = handle;
        this.successorDigest = successorDigest;
        this.spentAt = spentAt;
    }

    Spent snapshot() {
        return new Spent(handle, successorDigest, spentAt);
    }

    /**
     * A spent token as the registry knows it.
     *
     * @param handle          the family (registry session) it belonged to
     * @param successorDigest digest of the token that replaced it
     * @param spentAt         when it was rotated away (epoch ms)
     */
    public record Spent(String handle, String successorDigest, long spentAt) {
    }
}
