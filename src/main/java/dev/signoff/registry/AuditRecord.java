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

/** One audit line: a session started or ended. Written in the same transaction as the change. */
@Entity
@Table(name = "SIGNOFF_AUDIT", indexes = {
        @Index(name = "SIGNOFF_AUDIT_USER", columnList = "USER_NAME, OCCURRED_AT"),
        @Index(name = "SIGNOFF_AUDIT_AT", columnList = "OCCURRED_AT")})
@NamedQuery(name = AuditRecord.PURGEABLE, query = "SELECT a.id FROM AuditRecord a WHERE a.at < :before ORDER BY a.id")
@NamedQuery(name = AuditRecord.PURGE, query = "DELETE FROM AuditRecord a WHERE a.id = :id AND a.at < :before")
public class AuditRecord {
    static final String PURGEABLE = "SignOff.Audit.purgeable";
    static final String PURGE = "SignOff.Audit.purge";

    /** The start of a native insert of audit lines (the rows follow): {@link SetEnds}. */
    static final String INSERT_INTO = "INSERT INTO SIGNOFF_AUDIT (ID, OCCURRED_AT, USER_NAME, HANDLE, EVENT, REASON, IP) ";

    /** What happened. */
    public enum Action { STARTED, ENDED }

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long at;

    @Column(name = "USER_NAME", length = 255, nullable = false)
    private String userName;

    @Column(name = "HANDLE", length = 32, nullable = false)
    private String handle;

    @Enumerated(EnumType.STRING)
    @Column(name = "EVENT", length = 16, nullable = false)
    private Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "REASON", length = 32)
    private EndReason reason;

    @Column(name = "IP", length = 64)
    private String ip;

    protected AuditRecord() {
        // for JPA
    }

    /** The line for a session stored. */
    static AuditRecord started(NewSession s) {
        return new AuditRecord(s.now(), s.user(), s.handle(), Action.STARTED, null, s.ip());
    }

    /** The line for a session ended (or a login refused, under a handle that names no session). */
    static AuditRecord ended(String user, String handle, Revocation revocation) {
        return new AuditRecord(revocation.at(), user, handle, Action.ENDED, revocation.reason(), revocation.ip());
    }

    private AuditRecord(long at, String userName, String handle, Action action, EndReason reason, String ip) {
        this.id = Tokens.newHandle();
        this.at = at;
        this.userName = userName;
        this.handle = handle;
        this.action = action;
        this.reason = reason;
        this.ip = ip;
    }
}
