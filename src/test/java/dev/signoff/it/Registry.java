package dev.signoff.it;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The client side of {@link RegistryServlet}: the registry of one deployed app (one "node"), over HTTP. */
final class Registry {
    /** A session as opened: its handle and token digest. */
    record Opened(String handle, String digest) {
    }

    /** Rows of a user in the tables. */
    record Counts(long sessions, long started, long ended) {
    }

    private final Device http;

    Registry(Device http) {
        this.http = http;
    }

    List<Opened> open(String user, int count) {
        return call("/open", "user", user, "count", Integer.toString(count)).stream()
                .map(line -> line.split(" ")).map(p -> new Opened(p[0], p[1])).toList();
    }

    /** "handle user revokedAt|live", or empty when no row has this digest. */
    Optional<String> find(String digest) {
        Response r = http.post("/test/registry/find", Map.of("digest", digest));
        if (r.status() == 404) {
            return Optional.empty();
        }
        assertEquals(200, r.status(), r::toString);
        return Optional.of(r.body());
    }

    List<String> revoke(List<String> handles) {
        return call("/revoke", "handles", String.join(",", handles));
    }

    List<String> revokeAll(String user, String keep) {
        return keep == null ? call("/revoke-all", "user", user) : call("/revoke-all", "user", user, "keep", keep);
    }

    List<String> live(String user) {
        return call("/live", "user", user);
    }

    /** Rotates the row's token {@code old} to {@code next} (digests) at {@code now}; whether this call did. */
    boolean rotate(String handle, String old, String next, long now) {
        return Boolean.parseBoolean(call("/rotate", "handle", handle, "old", old, "next", next, "now", Long.toString(now)).get(0));
    }

    /** "handle successorDigest" of a spent token, or "none". */
    String spent(String digest) {
        return call("/spent", "digest", digest).get(0);
    }

    /** Stores a revocation of one access token (key: digest of iss and jti) until {@code expires}. */
    void revokeAccess(String key, String user, long now, long expires) {
        call("/revoke-access", "key", key, "user", user, "now", Long.toString(now), "expires", Long.toString(expires));
    }

    /** "KIND subject" of the access-token revocation records that still matter at {@code now}. */
    List<String> accessLive(long now) {
        return call("/access-live", "now", Long.toString(now));
    }

    /** Purges as of {@code now}; returns {sessions, audit} deleted. */
    long[] purge(long now) {
        return numbers(call("/purge", "now", Long.toString(now)).get(0));
    }

    /** This node's scheduled-purge totals: {runs, failures, sessions, audit}. */
    long[] totals() {
        return numbers(call("/totals").get(0));
    }

    /**
     * Inserts {@code count} session rows of {@code user} with these times (epoch ms), revoked at
     * {@code revoked} (null: never), and {@code audit} audit rows at {@code auditAt}; returns the handles.
     */
    List<String> seed(String user, int count, long created, long idle, long absolute, Long revoked, int audit, long auditAt) {
        Map<String, String> form = new HashMap<>(Map.of("user", user, "count", Integer.toString(count),
                "created", Long.toString(created), "idle", Long.toString(idle), "absolute", Long.toString(absolute),
                "audit", Integer.toString(audit), "auditAt", Long.toString(auditAt)));
        if (revoked != null) {
            form.put("revoked", Long.toString(revoked));
        }
        return lines(http.post("/test/registry/seed", form));
    }

    /** Product name, JDBC URL and user of the registry's database connection. */
    List<String> database() {
        return call("/database");
    }

    Counts count(String user) {
        List<String> c = call("/count", "user", user);
        return new Counts(Long.parseLong(c.get(0)), Long.parseLong(c.get(1)), Long.parseLong(c.get(2)));
    }

    private List<String> call(String path, String... form) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i + 1 < form.length; i += 2) {
            params.put(form[i], form[i + 1]);
        }
        return lines(http.post("/test/registry" + path, params));
    }

    private static List<String> lines(Response r) {
        assertEquals(200, r.status(), r::toString);
        return r.body().isEmpty() ? List.of() : List.of(r.body().split("\n"));
    }

    private static long[] numbers(String line) {
        return Arrays.stream(line.split(" ")).mapToLong(Long::parseLong).toArray();
    }
}
