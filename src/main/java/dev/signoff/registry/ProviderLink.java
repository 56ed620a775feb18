package dev.signoff.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Which OpenID Provider session a registry session was logged in through: kept beside the session
 * (same handle) and purged with it, so that a back-channel logout naming the provider's {@code sid}
 * (or, without one, its {@code sub}) finds the sessions to end. The provider's identifiers are kept
 * as digests of (issuer, value): fixed width, one index each, and no provider identifier in clear.
 */
@Entity
@Table(name = "SIGNOFF_PROVIDER_SESSION", indexes = {
        @Index(name = "SIGNOFF_PROVIDER_SID", columnList = "SID_KEY"),
        @Index(name = "SIGNOFF_PROVIDER_SUBJECT", columnList = "SUBJECT_KEY")})
@NamedQuery(name = ProviderLink.LIVE_BY_SID, query = "SELECT l.handle FROM ProviderLink l, SessionRecord s"
        + " WHERE l.sidKey = :key AND s.handle = l.handle AND s.revokedAt IS NULL ORDER BY l.handle")
@NamedQuery(name = ProviderLink.LIVE_BY_SUBJECT, query = "SELECT l.handle FROM ProviderLink l, SessionRecord s"
        + " WHERE l.subjectKey = :key AND s.handle = l.handle AND s.revokedAt IS NULL ORDER BY l.handle")
@NamedQuery(name = ProviderLink.PURGE, query = "DELETE FROM ProviderLink l WHERE l.handle = :handle")
public class ProviderLink {
    static final String LIVE_BY_SID = "SignOff.ProviderLink.liveBySid";
    static final String LIVE_BY_SUBJECT = "SignOff.ProviderLink.liveBySubject";
    static final String PURGE = "SignOff.ProviderLink.purge";

    @Id
    @Column(name = "HANDLE", length = 32)
    private String handle;

    @Column(name = "SID_KEY", length = 64)
    private String sidKey;

    @Column(name = "SUBJECT_KEY", length = 64, nullable = false)
    private String subjectKey;

    protected ProviderLink() {
        // for JPA
    }

    ProviderLink(String handle, String sidKey, String subjectKey) {
        this.handle = handle;
        this.sidKey = sidKey;
        this.subjectKey = subjectKey;
    }

    /** The digest a provider's identifier is kept and looked up under. */
    static String key(String issuer, String value) {
        return Tokens.digest(issuer.length() + ":" + issuer + "|" + value);
    }
}
