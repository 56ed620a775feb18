package dev.signoff.it;

import dev.signoff.events.EndReason;
import dev.signoff.events.Purpose;
import dev.signoff.registry.NewSession;
import dev.signoff.registry.PurgeTask;
import dev.signoff.registry.Revocation;
import dev.signoff.registry.SessionRegistry;
import dev.signoff.registry.SessionSnapshot;
import dev.signoff.registry.Tokens;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registry's own operations over HTTP, for {@code RegistryIT} and the purge tests: each POST
 * calls one {@link SessionRegistry} / {@link PurgeTask} method in the deployed app (its transactions,
 * its database) and answers plain text, one item per line. {@code /seed} and {@code /count} use SQL
 * directly, to set up rows with any times fast and to count what is really in the tables.
 */
@WebServlet("/test/registry/*")
public class RegistryServlet extends HttpServlet {
    @Inject
    SessionRegistry registry;
    @Inject
    PurgeTask purge;
    @Resource(lookup = "java:app/signoff/DataSource")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        List<String> lines;
        try {
            lines = switch (String.valueOf(request.getPathInfo())) {
                case "/open" -> open(request);
                case "/find" -> find(request.getParameter("digest"));
                case "/revoke" -> handles(registry.revoke(list(request, "handles"), revocation(request)));
                case "/revoke-all" -> handles(registry.revokeAllOf(request.getParameter("user"),
                        Optional.ofNullable(request.getParameter("keep")), Purpose.SIGN_IN, revocation(request)));
                case "/live" -> handles(registry.listLive(request.getParameter("user"), now(request)));
                case "/purge" -> {
                    PurgeTask.Result r = purge.purge(now(request));
                    yield List.of(r.sessions() + " " + r.audit());
                }
                case "/totals" -> {
                    PurgeTask.Totals t = purge.totals();
                    yield List.of(t.runs() + " " + t.failures() + " " + t.sessions() + " " + t.audit());
                }
                case "/rotate" -> List.of(Boolean.toString(registry.rotate(request.getParameter("handle"),
                        request.getParameter("old"), request.getParameter("next"), now(request))));
                case "/spent" -> registry.findSpent(request.getParameter("digest"))
                        .map(t -> List.of(t.handle() + " " + t.successorDigest())).orElse(List.of("none"));
                case "/revoke-access" -> {
                    registry.revokeAccessToken(request.getParameter("key"), request.getParameter("user"),
                            new Revocation(EndReason.LOGOUT, now(request), null), Long.parseLong(request.getParameter("expires")));
                    yield List.of("ok");
                }
                case "/access-live" -> registry.liveAccessRevocations(now(request)).stream()
                        .map(e -> e.kind() + " " + e.subject()).toList();
                case "/seed" -> seed(request);
                case "/database" -> database();
                case "/count" -> List.of(Long.toString(count(request.getParameter("user"))),
                        Long.toString(countAudit(request.getParameter("user"), "STARTED")),
                        Long.toString(countAudit(request.getParameter("user"), "ENDED")));
                default -> null;
            };
        } catch (SQLException e) {
            throw new IOException(e);
        }
        if (lines == null) {
            response.sendError(404);
        } else if (lines.isEmpty() && "/find".equals(request.getPathInfo())) {
            response.sendError(404);
        } else {
            response.getWriter().write(String.join("\n", lines));
        }
    }

    /** Opens {@code count} sessions for {@code user} at {@code now}; answers "handle digest" per session. */
    private List<String> open(HttpServletRequest request) {
        int count = Integer.parseInt(request.getParameter("count"));
        long now = now(request);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String digest = Tokens.digest(Tokens.newToken());
            SessionSnapshot s = registry.open(new NewSession(Tokens.newHandle(), digest, request.getParameter("user"),
                    Purpose.SESSION, now, now + 1_800_000, now + 43_200_000, "127.0.0.1", "RegistryIT"));
            opened.add(s.handle() + " " + s.tokenDigest());
        }
        return opened;
    }

    /** "handle user revoked-at-or-live". */
    private List<String> find(String digest) {
        return registry.findByDigest(digest)
                .map(s -> List.of(s.handle() + " " + s.user() + " " + (s.revoked() ? s.revokedAt() : "live")))
                .orElse(List.of());
    }

    /**
     * Inserts {@code count} sessions of {@code user} with the given times (epoch ms; {@code revoked}
     * empty for never revoked) and, with {@code audit > 0}, that many audit rows at {@code auditAt}.
     * Answers the handles.
     */
    private List<String> seed(HttpServletRequest request) throws SQLException {
        int audit = Integer.parseInt(Optional.ofNullable(request.getParameter("audit")).orElse("0"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<String> handles = insertSessions(c, request);
            insertAudit(c, request.getParameter("user"), audit, request.getParameter("auditAt"), handles);
            c.commit();
            return handles;
        }
    }

    private static List<String> insertSessions(Connection c, HttpServletRequest request) throws SQLException {
        long created = Long.parseLong(request.getParameter("created"));
        String revoked = Optional.ofNullable(request.getParameter("revoked")).orElse("");
        List<String> handles = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO SIGNOFF_SESSION (HANDLE, TOKEN_DIGEST, USER_NAME, PURPOSE,"
                + " CREATED_AT, LAST_SEEN_AT, IDLE_EXPIRES_AT, ABSOLUTE_EXPIRES_AT, REVOKED_AT, END_REASON)"
                + " VALUES (?, ?, ?, 'SESSION', ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < Integer.parseInt(request.getParameter("count")); i++) {
                String handle = Tokens.newHandle();
                handles.add(handle);
                s.setString(1, handle);
                s.setString(2, Tokens.digest(Tokens.newToken()));
                s.setString(3, request.getParameter("user"));
                s.setLong(4, created);
                s.setLong(5, created);
                s.setLong(6, Long.parseLong(request.getParameter("idle")));
                s.setLong(7, Long.parseLong(request.getParameter("absolute")));
                if (revoked.isEmpty()) {
                    s.setNull(8, Types.BIGINT);
                    s.setNull(9, Types.VARCHAR);
                } else {
                    s.setLong(8, Long.parseLong(revoked));
                    s.setString(9, "LOGOUT");
                }
                s.addBatch();
            }
            s.executeBatch();
        }
        return handles;
    }

    private static void insertAudit(Connection c, String user, int count, String at, List<String> handles) throws SQLException {
        if (count == 0) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO SIGNOFF_AUDIT (ID, OCCURRED_AT, USER_NAME, HANDLE, EVENT)"
                + " VALUES (?, ?, ?, ?, 'STARTED')")) {
            for (int i = 0; i < count; i++) {
                s.setString(1, Tokens.newHandle());
                s.setLong(2, Long.parseLong(at));
                s.setString(3, user);
                s.setString(4, handles.isEmpty() ? Tokens.newHandle() : handles.get(i % handles.size()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Product, URL and user of the connection the registry's data source hands out. */
    private List<String> database() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            java.sql.DatabaseMetaData meta = c.getMetaData();
            return List.of(meta.getDatabaseProductName(), meta.getURL(), String.valueOf(meta.getUserName()));
        }
    }

    private long count(String user) throws SQLException {
        return single("SELECT COUNT(*) FROM SIGNOFF_SESSION WHERE USER_NAME = ?", user);
    }

    private long countAudit(String user, String event) throws SQLException {
        return single("SELECT COUNT(*) FROM SIGNOFF_AUDIT WHERE USER_NAME = ? AND EVENT = '" + event + "'", user);
    }

    private long single(String sql, String user) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static List<String> handles(List<SessionSnapshot> sessions) {
        return sessions.stream().map(SessionSnapshot::handle).toList();
    }

    private static List<String> list(HttpServletRequest request, String name) {
        return Arrays.stream(request.getParameter(name).split(",")).filter(s -> !s.isBlank()).toList();
    }

    private static EndReason reason(HttpServletRequest request) {
        return EndReason.valueOf(Optional.ofNullable(request.getParameter("reason")).orElse("ADMIN"));
    }

    private static Revocation revocation(HttpServletRequest request) {
        return new Revocation(reason(request), now(request), "127.0.0.1");
    }

    private static long now(HttpServletRequest request) {
        String now = request.getParameter("now");
        return now == null ? System.currentTimeMillis() : Long.parseLong(now);
    }
}
