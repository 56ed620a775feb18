package dev.signoff.registry;

import dev.signoff.events.EndReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A revocation record of Bearer access tokens: records, never sessions, never ended themselves,
 * kept until the tokens they refuse have expired ({@code EXPIRES_AT}), then purged. Three kinds:
 * <ul>
 *   <li>{@link Kind#TOKEN}: one token, keyed by the digest of its ({@code iss}, {@code jti}) — never
 *       by the token's bytes, so a re-encoded copy is refused too;</li>
 *   <li>{@link Kind#FAMILY}: every token whose {@code sid} is this ended refresh family's handle;</li>
 *   <li>{@link Kind#USER}: every token of this user issued at or before {@code REVOKED_AT} (the
 *       user's not-before time, set by log out everywhere; the latest record wins).</li>
 * </ul>
 * Every node reads new records once per staleness interval, as it reads revoked sessions.
 */
@Entity
@Table(name = "SIGNOFF_ACCESS_REVOCATION", indexes = {
        @Index(name = "SIGNOFF_ACCESS_REVOCATION_AT", columnList = "REVOKED_AT"),
        @Index(name = "SIGNOFF_ACCESS_REVOCATION_EXPIRES", columnList = "EXPIRES_AT")})
@NamedQuery(name = AccessRevocation.SINCE, query = "SELECT r FROM AccessRevocation r WHERE r.revokedAt >= :since")
@NamedQuery(name = AccessRevocation.LIVE, query = "SELECT r FROM AccessRevocation r WHERE r.expiresAt > :now")
@NamedQuery(name = AccessRevocation.PURGE, query = "DELETE FROM AccessRevocation r WHERE r.expiresAt < :before")
public class AccessRevocation {
    static final String SINCE = "SignOff.AccessRevocation.since";
    static final String LIVE = "SignOff.AccessRevocation.live";
    static final String PURGE = "SignOff.AccessRevocation.purge";

    /** What a record refuses. */
    public enum Kind {
        TOKEN, FAMILY, USER
    }

    /**
     * A record as the nodes read it.
     *
     * @param kind      what it refuses
     * @param subject   the digest of (iss, jti), the family's handle, or the user name
     * @param revokedAt when (epoch ms); for {@link Kind#USER} the not-before time
     * @param expiresAt when it stops mattering (epoch ms)
     */
    public record Entry(Kind kind, String subject, long revokedAt, long expiresAt) {
    }

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false)
    private Kind kind;

    @Column(name = "SUBJECT", length = 255, nullable = false)
    private String subject;

    @Column(name = "USER_NAME", length = 255, nullable = false)
    private String userName;

    @Column(name = "REVOKED_AT", nullable = false)
    private long revokedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "REASON", length = 32)
    private EndReason reason;

    protected AccessRevocation() {
        // for JPA
    }

    AccessRevocation(Kind kind, String subject, String user, Revocation revocation, long expiresAt) {
        this.id = Tokens.newHandle();
        this.kind = kind;
        this.subject = subject;
        this.userName = user;
        this.revokedAt = revocation.at();
        this.expiresAt = expiresAt;
        this.reason = revocation.reason();
    }

    Entry entry() {
        return new Entry(kind, subject, revokedAt, expiresAt);
    }
}
