package dev.signoff.it;

import dev.signoff.registry.SessionRegistry;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The registry at scale, from inside the server (so embedded Derby can be filled too):
 * {@code POST ?seed} writes live session rows with plain JDBC batches through the registry's own
 * data source (with {@code analyze}, then updates the table's statistics), {@code GET ?lookups}
 * times the filter's cache-miss read ({@link SessionRegistry#findByDigest}) of random seeded rows
 * and prints p50, p99 and max in microseconds; with {@code via=jdbc}, the floor: the same read as
 * one plain JDBC statement on the same data source, no JPA.
 */
@WebServlet("/test/scale")
public class ScaleServlet extends HttpServlet {
    private static final int COMMIT_EVERY = 5_000;

    @Resource(lookup = "java:app/signoff/DataSource")
    DataSource dataSource;
    @Inject
    SessionRegistry registry;

    /** The digest of seeded row {@code i} of {@code prefix}: 64 hex characters, as SHA-256 digests are. */
    static String digest(String prefix, int i) {
        return String.format("%032x%032x", prefix.hashCode() & 0xffffffffL, i);
    }

    /** {@code prefix}, {@code from}, {@code count}, {@code each}: rows from..from+count, {@code each} per user {@code <prefix>-<n>}. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String prefix = request.getParameter("prefix");
        int from = Integer.parseInt(request.getParameter("from"));
        int count = Integer.parseInt(request.getParameter("count"));
        int each = Integer.parseInt(request.getParameter("each"));
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insert(c, prefix, from, count, each);
            c.commit();
            if (request.getParameter("analyze") != null) {
                analyze(c);
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.getWriter().printf("seeded %d rows in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Gives the planner the statistics a production table has (autovacuum gathers them after a large
     * load, within a minute or so): on a just-filled PostgreSQL table without them, log out
     * everywhere got another plan than an analyzed one does (a nested loop, not a hash join over the
     * whole table), so the bench measured a plan production does not run.
     */
    private static void analyze(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String sql = product.contains("postgres") ? "ANALYZE SIGNOFF_SESSION"
                : product.contains("mariadb") || product.contains("mysql") ? "ANALYZE TABLE SIGNOFF_SESSION" : null;
        if (sql != null) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            c.commit();
        }
    }

    private static void insert(Connection c, String prefix, int from, int count, int each) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO SIGNOFF_SESSION (HANDLE, TOKEN_DIGEST, USER_NAME, PURPOSE,"
                + " CREATED_AT, LAST_SEEN_AT, IDLE_EXPIRES_AT, ABSOLUTE_EXPIRES_AT) VALUES (?, ?, ?, 'SESSION', ?, ?, ?, ?)")) {
            for (int i = from; i < from + count; i++) {
                p.setString(1, String.format("%s%08x", prefix, i));
                p.setString(2, digest(prefix, i));
                p.setString(3, prefix + "-" + (i / each));
                p.setLong(4, now);
                p.setLong(5, now);
                p.setLong(6, now + 3_600_000);
                p.setLong(7, now + 3_600_000);
                p.addBatch();
                if ((i + 1 - from) % COMMIT_EVERY == 0) {
                    p.executeBatch();
                    c.commit();
                }
            }
            p.executeBatch();
        }
    }

    /** {@code prefix}, {@code rows} (seeded), {@code samples}, {@code seed}, {@code via}: reads of random seeded rows, after 1 000 unmeasured. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String prefix = request.getParameter("prefix");
        int rows = Integer.parseInt(request.getParameter("rows"));
        int samples = Integer.parseInt(request.getParameter("samples"));
        boolean jdbc = "jdbc".equals(request.getParameter("via"));
        SplittableRandom random = new SplittableRandom(Long.parseLong(request.getParameter("seed")));
        long[] micros = new long[samples];
        for (int i = -1_000; i < samples; i++) {
            String digest = digest(prefix, random.nextInt(rows));
            long t = System.nanoTime();
            if (!(jdbc ? readRow(digest) : registry.findByDigest(digest).isPresent())) {
                throw new IllegalStateException("not seeded: " + digest);
            }
            if (i >= 0) {
                micros[i] = (System.nanoTime() - t) / 1_000;
            }
        }
        Arrays.sort(micros);
        response.getWriter().printf("p50=%d p99=%d max=%d%n", micros[samples / 2], micros[samples * 99 / 100], micros[samples - 1]);
    }

    /** The row by digest, all its columns read, as the entity's query does. */
    private boolean readRow(String digest) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT * FROM SIGNOFF_SESSION WHERE TOKEN_DIGEST = ?")) {
            p.setString(1, digest);
            try (java.sql.ResultSet r = p.executeQuery()) {
                boolean found = r.next();
                for (int column = 1; found && column <= r.getMetaData().getColumnCount(); column++) {
                    r.getObject(column);
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
