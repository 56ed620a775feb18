package dev.signoff.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A back-channel logout token already received (the digest of its issuer and {@code jti}), kept
 * until it could no longer be accepted anyway: the same token posted again, to any node, is a
 * replay and is refused. The key is the table's primary key, so of two nodes receiving it at once
 * exactly one stores it.
 */
@Entity
@Table(name = "SIGNOFF_LOGOUT_TOKEN")
@NamedQuery(name = SeenLogoutToken.PURGE, query = "DELETE FROM SeenLogoutToken t WHERE t.expiresAt < :before")
public class SeenLogoutToken {
    static final String PURGE = "SignOff.SeenLogoutToken.purge";

    @Id
    @Column(name = "KEY_DIGEST", length = 64)
    private String keyDigest;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    protected SeenLogoutToken() {
        // for JPA
    }

    SeenLogoutToken(String keyDigest, long expiresAt) {
        this.keyDigest = keyDigest;
        this.expiresAt = expiresAt;
    }
}
