package dev.signoff.testing;

import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.registry.AccessRevocation;
import dev.signoff.registry.NewSession;
import dev.signoff.registry.Revocation;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.SpentToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry's contract kept in memory, for unit tests of what sits above it: revoke once, first
 * wins; live means not revoked and not past either expiry. {@link #down} makes every call fail like
 * a database that does not answer. The real one is tested against Derby, PostgreSQL and MariaDB.
 */
public final class MemoryRegistry extends SessionRegistry {
    /** The registry's order of a user's live sessions. */
    private static final Comparator<SessionSnapshot> MOST_RECENTLY_USED_FIRST =
            Comparator.comparingLong(SessionSnapshot::lastSeenAt).reversed().thenComparing(SessionSnapshot::handle);

    public final Map<String, SessionSnapshot> rows = new LinkedHashMap<>();
    public final List<String> audit = new ArrayList<>();
    public final Map<String, SpentToken.Spent> spent = new HashMap<>();
    /** Access-token revocation records, as stored; written like the real registry only when {@link #bearerRecordsKept} is set. */
    public final List<AccessRevocation.Entry> accessRecords = new ArrayList<>();
    /** {@code signoff.bearer.max-lifetime} when SignOff checks Bearer tokens; null when it does not. */
    public Duration bearerRecordsKept;
    private final List<AccessRevocation.Entry> writtenHere = new ArrayList<>();
    public RuntimeException down;

    @Override
    public SessionSnapshot open(NewSession s) {
        answer();
        SessionSnapshot row = new SessionSnapshot(s.handle(), s.tokenDigest(), s.user(), s.purpose(), s.now(), s.now(),
                s.idleExpiresAt(), s.absoluteExpiresAt(), null, null, s.ip(), s.userAgent(), "device");
        rows.put(row.handle(), row);
        audit.add("STARTED " + s.user() + " " + s.handle());
        return row;
    }

    public final Map<String, Set<String>> groups = new HashMap<>();

    @Override
    public SessionSnapshot openRemembered(NewSession s, Set<String> groups) {
        SessionSnapshot row = open(s);
        this.groups.put(s.handle(), Set.copyOf(groups));
        return row;
    }

    @Override
    public Set<String> rememberedGroups(String handle) {
        answer();
        return groups.getOrDefault(handle, Set.of());
    }

    @Override
    public void auditRefusedLogin(String user, Revocation revocation) {
        answer();
        audit.add("ENDED " + user + " - " + revocation.reason() + " at " + revocation.at());
    }

    @Override
    public long countLive(long now) {
        answer();
        return rows.values().stream().filter(r -> live(r, now)).count();
    }

    @Override
    public Optional<SessionSnapshot> findByDigest(String digest) {
        answer();
        return rows.values().stream().filter(r -> r.tokenDigest().equals(digest)).findFirst();
    }

    @Override
    public Optional<SessionSnapshot> findByHandle(String handle) {
        answer();
        return Optional.ofNullable(rows.get(handle));
    }

    @Override
    public Map<String, EndReason> revokedSince(long since) {
        answer();
        Map<String, EndReason> revoked = new HashMap<>();
        rows.values().stream().filter(r -> r.revokedAt() != null && r.revokedAt() >= since)
                .forEach(r -> revoked.put(r.tokenDigest(), r.endReason()));
        return revoked;
    }

    @Override
    public List<SessionSnapshot> listLive(String user, long now) {
        answer();
        return rows.values().stream().filter(r -> r.user().equals(user) && live(r, now))
                .sorted(MOST_RECENTLY_USED_FIRST).toList();
    }

    @Override
    public List<SessionSnapshot> revoke(Collection<String> handles, Revocation revocation) {
        answer();
        List<SessionSnapshot> ended = new ArrayList<>();
        for (String handle : new TreeSet<>(handles)) {
            SessionSnapshot r = rows.get(handle);
            if (r != null && r.revokedAt() == null) {
                SessionSnapshot revoked = new SessionSnapshot(r.handle(), r.tokenDigest(), r.user(), r.purpose(),
                        r.createdAt(), r.lastSeenAt(), r.idleExpiresAt(), r.absoluteExpiresAt(), revocation.at(),
                        revocation.reason(), r.ip(), r.userAgent(), r.device());
                rows.put(handle, revoked);
                audit.add("ENDED " + r.user() + " " + handle + " " + revocation.reason() + " at " + revocation.at());
                ended.add(revoked);
                if (r.purpose() == Purpose.REFRESH) {
                    record(AccessRevocation.Kind.FAMILY, handle, revocation);
                }
            }
        }
        return ended;
    }

    @Override
    public List<SessionSnapshot> revokeAllOf(String user, Optional<String> keep, Set<Purpose> purposes, Revocation revocation) {
        answer();
        List<String> handles = rows.values().stream()
                .filter(r -> r.user().equals(user) && r.revokedAt() == null && purposes.contains(r.purpose()))
                .map(SessionSnapshot::handle)
                .filter(h -> keep.map(k -> !k.equals(h)).orElse(true))
                .toList();
        if (purposes.contains(Purpose.REFRESH)) {
            record(AccessRevocation.Kind.USER, user, revocation);
        }
        return revoke(handles, revocation);
    }

    @Override
    public boolean touch(String handle, long now, long idleExpiresAt) {
        answer();
        SessionSnapshot r = rows.get(handle);
        if (r == null || r.revokedAt() != null) {
            return false;
        }
        rows.put(handle, new SessionSnapshot(r.handle(), r.tokenDigest(), r.user(), r.purpose(), r.createdAt(), now,
                Math.max(idleExpiresAt, r.idleExpiresAt()), r.absoluteExpiresAt(), null, null, r.ip(), r.userAgent(),
                r.device()));
        return true;
    }

    @Override
    public synchronized boolean rotate(String handle, String oldDigest, String nextDigest, long now) {
        answer();
        SessionSnapshot r = rows.get(handle);
        if (r == null || r.revokedAt() != null || !r.tokenDigest().equals(oldDigest) || r.absoluteExpiresAt() <= now) {
            return false;
        }
        rows.put(handle, new SessionSnapshot(r.handle(), nextDigest, r.user(), r.purpose(), r.createdAt(), now,
                r.idleExpiresAt(), r.absoluteExpiresAt(), null, null, r.ip(), r.userAgent(), r.device()));
        spent.put(oldDigest, new SpentToken.Spent(handle, nextDigest, now));
        return true;
    }

    @Override
    public Optional<SpentToken.Spent> findSpent(String digest) {
        answer();
        return Optional.ofNullable(spent.get(digest));
    }

    @Override
    public synchronized void revokeAccessToken(String issuerAndIdDigest, String user, Revocation revocation, long expiresAt) {
        answer();
        store(new AccessRevocation.Entry(AccessRevocation.Kind.TOKEN, issuerAndIdDigest, revocation.at(), expiresAt));
    }

    @Override
    public synchronized List<AccessRevocation.Entry> accessRevocationsSince(long since) {
        answer();
        return accessRecords.stream().filter(e -> e.revokedAt() >= since).toList();
    }

    @Override
    public synchronized List<AccessRevocation.Entry> liveAccessRevocations(long now) {
        answer();
        return accessRecords.stream().filter(e -> e.expiresAt() > now).toList();
    }

    @Override
    public synchronized List<AccessRevocation.Entry> drainAccessRevocationsWrittenHere() {
        List<AccessRevocation.Entry> drained = List.copyOf(writtenHere);
        writtenHere.clear();
        return drained;
    }

    /** A record another node wrote: this node sees it only when it reads the registry. */
    public synchronized void writtenElsewhere(AccessRevocation.Entry e) {
        accessRecords.add(e);
    }

    private void record(AccessRevocation.Kind kind, String subject, Revocation revocation) {
        if (bearerRecordsKept != null) {
            store(new AccessRevocation.Entry(kind, subject, revocation.at(), revocation.at() + bearerRecordsKept.toMillis()));
        }
    }

    private synchronized void store(AccessRevocation.Entry e) {
        accessRecords.add(e);
        writtenHere.add(e);
    }

    /** Whether the row is live (not revoked) as stored. */
    public boolean isLive(String handle) {
        return rows.get(handle).revokedAt() == null;
    }

    private static boolean live(SessionSnapshot r, long now) {
        return r.revokedAt() == null && r.absoluteExpiresAt() > now && r.idleExpiresAt() > now;
    }

    private void answer() {
        if (down != null) {
            throw down;
        }
    }
}
