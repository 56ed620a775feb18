package dev.signoff.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gives each integration-test run a fresh, empty database of its own on the machine's PostgreSQL
 * and MariaDB servers, so that runs never see each other's rows (two profiles run at once, or rows a
 * previous run left behind). Run by the build before the integration tests:
 * {@code TestDatabases postgresql:signoff_gf mariadb:signoff_gf}. A server that cannot be reached
 * fails the build: the database tests must run, not be skipped.
 *
 * <p>With {@code :ddl} appended ({@code postgresql:signoff_gf_ddl:ddl}) the tables are created from
 * the admin DDL in {@code server-config/sql/} instead of being left to JPA, and a login of the same
 * name as the database (password {@value #DDL_USER_PASSWORD}) may only read and write rows, as an
 * admin who creates the tables would set it up: JPA schema generation then cannot create anything.
 *
 * <p>Servers: PostgreSQL at {@code signoff.it.postgresql.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, trust auth), MariaDB at
 * {@code signoff.it.mariadb.url} (default {@code jdbc:mariadb://127.0.0.1:3306/test}, user
 * {@code root}, no password).
 */
public final class TestDatabases {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    /** Password of the restricted login of a {@code :ddl} database (test databases only). */
    public static final String DDL_USER_PASSWORD = "signoff-it";
    private static final List<String> TABLES = List.of("SIGNOFF_SESSION", "SIGNOFF_AUDIT", "SIGNOFF_SPENT_TOKEN", "SIGNOFF_ACCESS_REVOCATION", "SIGNOFF_REMEMBER_ME",
            "SIGNOFF_PROVIDER_SESSION", "SIGNOFF_LOGOUT_TOKEN");

    private TestDatabases() {
    }

    public static void main(String... args) throws SQLException {
        for (String arg : args) {
            for (String spec : arg.split("[,\\s]+")) {
                if (!spec.isBlank()) {
                    reset(spec.trim());
                }
            }
        }
    }

    /**
     * Drops and creates the database {@code kind:name}, kind being postgresql or mariadb; with
     * {@code :ddl} appended, creates the tables from the admin DDL and a restricted login.
     */
    public static void reset(String spec) throws SQLException {
        String[] parts = spec.split(":");
        String kind = parts[0];
        String name = parts.length > 1 ? parts[1] : "";
        boolean ddl = parts.length > 2 && "ddl".equals(parts[2]);
        if (parts.length > 3 || (parts.length == 3 && !ddl)) {
            throw new IllegalArgumentException("expected <kind>:<name> or <kind>:<name>:ddl, got " + spec);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        switch (kind) {
            case "postgresql" -> resetPostgresql(name, ddl);
            case "mariadb" -> resetMariadb(name, ddl);
            default -> throw new IllegalArgumentException("expected postgresql:<name> or mariadb:<name>, got " + spec);
        }
        System.out.println("[TestDatabases] fresh database " + spec);
    }

    private static void resetPostgresql(String name, boolean ddl) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgresqlUrl("test"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            // An en-US collation, as many production clusters have, not this machine's C.UTF-8: it sorts the
            // registry's keys differently from Java, which once made purgers and revokers deadlock.
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
        }
        if (ddl) {
            try (Connection c = DriverManager.getConnection(postgresqlUrl(name), "postgres", "");
                 Statement s = c.createStatement()) {
                run(c, "postgresql");
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + name + "') THEN"
                        + " CREATE ROLE " + name + " LOGIN PASSWORD '" + DDL_USER_PASSWORD + "'; END IF; END $$");
                s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + String.join(", ", TABLES) + " TO " + name);
            }
        }
    }

    private static void resetMariadb(String name, boolean ddl) throws SQLException {
        try (Connection c = DriverManager.getConnection(mariadbUrl("test"), "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        if (ddl) {
            try (Connection c = DriverManager.getConnection(mariadbUrl(name), "root", "");
                 Statement s = c.createStatement()) {
                run(c, "mariadb");
                for (String host : List.of("%", "localhost", "127.0.0.1")) {
                    String user = "'" + name + "'@'" + host + "'";
                    s.execute("DROP USER IF EXISTS " + user);
                    s.execute("CREATE USER " + user + " IDENTIFIED BY '" + DDL_USER_PASSWORD + "'");
                    for (String table : TABLES) {
                        s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + name + "." + table + " TO " + user);
                    }
                }
            }
        }
    }

    /** Runs {@code server-config/sql/<kind>.sql} statement by statement, as an admin would. */
    public static void run(Connection c, String kind) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : statements(kind)) {
                s.execute(statement);
            }
        }
    }

    /** The statements of {@code server-config/sql/<kind>.sql}: comment lines dropped, split at ';'. */
    public static List<String> statements(String kind) {
        Path file = Path.of(System.getProperty("signoff.basedir", System.getProperty("basedir", ".")), "server-config", "sql", kind + ".sql");
        try {
            String sql = Files.readAllLines(file).stream()
                    .filter(line -> !line.trim().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(sql.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** JDBC URL of database {@code name} on the test PostgreSQL server. */
    public static String postgresqlUrl(String name) {
        return System.getProperty("signoff.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test")
                .replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    /**
     * A connection of the test's own to the PostgreSQL registry the server under test uses (the
     * {@code signoff.db.*} properties of the execution), for a test that acts as another node or
     * another database client behind the server's back.
     */
    public static Connection postgresqlRegistry() throws SQLException {
        return registry("postgresql");
    }

    /** As {@link #postgresqlRegistry()}, on the execution's database ({@code signoff.it.database}: postgresql or mariadb). */
    public static Connection registry() throws SQLException {
        return registry(System.getProperty("signoff.it.database", "postgresql"));
    }

    private static Connection registry(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:" + database + "://" + System.getProperty("signoff.db.host") + ":"
                        + System.getProperty("signoff.db.port") + "/" + System.getProperty("signoff.db.name"),
                System.getProperty("signoff.db.user"), System.getProperty("signoff.db.password"));
    }

    /** Whether the execution's registry is MariaDB. */
    public static boolean mariadb() {
        return "mariadb".equals(System.getProperty("signoff.it.database"));
    }

    /** JDBC URL of database {@code name} on the test MariaDB server. */
    public static String mariadbUrl(String name) {
        return System.getProperty("signoff.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test")
                .replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }
}
