package dev.signoff.registry;

import dev.signoff.config.Setting;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The driver behind the registry's JTA data source {@code java:app/signoff/DataSource} (declared in
 * the module's web-fragment.xml; the server pools it and enlists its connections in transactions).
 * It hands out connections of the embedded Derby database, or, when the admin set
 * {@code signoff.datasource} (system property or {@code SIGNOFF_DATASOURCE}), of the server
 * DataSource with that JNDI name, so the registry moves to another database without a rebuild.
 * <p>
 * That server DataSource must be <em>non-transactional</em> (GlassFish/Payara
 * {@code --nontransactionalconnections=true}, WildFly {@code jta=false}, Liberty
 * {@code transactional="false"}): SignOff's own pool already enlists the connection. A transactional
 * one would enlist the same physical connection a second time whenever SignOff's pool opens it inside
 * a transaction, and that connection request fails (Payara: "Local transaction already has 1 non-XA
 * Resource: cannot add more resources"); {@code RegistryPoolIT} shows it.
 * <p>
 * Only system properties and the environment are read here: the server may open connections (for
 * schema generation) before the application's context-params exist.
 */
public class SignOffDataSource implements DataSource {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SignOffDataSource.class.getName());
    private static volatile Boolean postgreSQL;
    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource delegate() throws SQLException {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = resolve();
                    delegate = d;
                }
            }
        }
        return d;
    }

    private static DataSource resolve() throws SQLException {
        String jndi = read(Setting.DATASOURCE);
        if (jndi != null && !jndi.isBlank()) {
            try {
                Object found = new InitialContext().lookup(jndi.trim());
                if (found instanceof DataSource ds) {
                    return ds;
                }
                throw new SQLException("SignOff setting " + Setting.DATASOURCE.key() + "='" + jndi
                        + "' names a " + (found == null ? "null" : found.getClass().getName()) + ", not a javax.sql.DataSource");
            } catch (NamingException e) {
                throw new SQLException("SignOff setting " + Setting.DATASOURCE.key() + "='" + jndi
                        + "': no DataSource with that JNDI name", e);
            }
        }
        String database = read(Setting.DERBY_DATABASE);
        return EmbeddedDerby.dataSource(database == null || database.isBlank() ? Setting.DERBY_DATABASE.defaultValue() : database.trim());
    }

    /**
     * Shuts the embedded Derby database down when the application stops, if it is the one in use.
     * Derby from WEB-INF/lib boots inside the application's class loader and keeps the database
     * locked; without this, a redeployment (a new class loader) cannot open it.
     */
    public static void shutDownEmbedded() {
        String jndi = read(Setting.DATASOURCE);
        if (jndi == null || jndi.isBlank()) {
            String database = read(Setting.DERBY_DATABASE);
            EmbeddedDerby.shutDown(database == null || database.isBlank() ? Setting.DERBY_DATABASE.defaultValue() : database.trim());
        }
    }

    private static String read(Setting setting) {
        String value = System.getProperty(setting.key());
        return value != null ? value : System.getenv(setting.environmentKey());
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource d = withContextClassLoader(this::delegate);
        if (!usesServerDataSource()) {
            return d.getConnection();
        }
        // The admin's DataSource: a connection its pool closes when the database goes away is renewed (RenewingConnection).
        return RenewingConnection.open(() -> withContextClassLoader(d::getConnection));
    }

    /**
     * Whether the registry's database is known to be PostgreSQL ({@link #learnDatabase}); false
     * until then, and wherever it is not: what depends on it ({@link SetEnds}) has a way that works
     * on any database.
     */
    static boolean isPostgreSQL() {
        return Boolean.TRUE.equals(postgreSQL);
    }

    /**
     * Asks one connection of the admin's DataSource for the database's name; true once known (the
     * setting is the JVM's, read from system properties and the environment). Called at start-up
     * on a thread of its own ({@code SignOffBootstrap}), never in a request: taking a connection of
     * the server's pool there, beside the transaction's, after an outage, made Payara's pool close
     * the connections in use (its fail-all-connections), and the request's end failed (ClusterIT).
     */
    public static boolean learnDatabase() {
        if (postgreSQL != null) {
            return true;
        }
        if (!usesServerDataSource()) {
            postgreSQL = false; // embedded Derby
            return true;
        }
        try (Connection c = new SignOffDataSource().getConnection()) {
            postgreSQL = isPostgreSQL(c);
            return true;
        } catch (SQLException e) {
            LOG.fine(() -> "SignOff: cannot ask the registry's database for its name yet: " + e);
            return false;
        }
    }

    /** Whether {@code c} is a connection to PostgreSQL (its driver's product name). */
    static boolean isPostgreSQL(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    static boolean usesServerDataSource() {
        String jndi = read(Setting.DATASOURCE);
        return jndi != null && !jndi.isBlank();
    }

    /**
     * The server's pool of SignOff's own data source calls this with the user of its (empty)
     * configuration, which is "" on GlassFish: passing "" on would make the admin's DataSource log in
     * as nobody instead of as its configured user, so a blank user means "the delegate's own".
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (username == null || username.isBlank()) {
            return getConnection();
        }
        DataSource d = withContextClassLoader(this::delegate);
        return RenewingConnection.open(() -> withContextClassLoader(() -> d.getConnection(username, password)));
    }

    /**
     * Runs a connection request (and so the first JNDI lookup) with a context class loader. The
     * server's pool may call {@code getConnection} with none (Payara 6's JDBC resource adapter clears
     * it around the call), and a naming service that deploys the pool {@code signoff.datasource}
     * names on first lookup may then fail ("Illegal null argument to ObjectInputStreamWithLoader").
     */
    private static <T> T withContextClassLoader(SqlAction<T> action) throws SQLException {
        Thread thread = Thread.currentThread();
        if (thread.getContextClassLoader() != null) {
            return action.run();
        }
        thread.setContextClassLoader(SignOffDataSource.class.getClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(null);
        }
    }

    @FunctionalInterface
    private interface SqlAction<T> {
        T run() throws SQLException;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }

    @Override
    public String toString() {
        String jndi = read(Setting.DATASOURCE);
        return "SignOffDataSource[" + (jndi == null || jndi.isBlank() ? "embedded Derby" : jndi) + "]";
    }

    /** Kept apart so Derby classes load only when Derby is used. */
    private static final class EmbeddedDerby {
        static DataSource dataSource(String database) {
            org.apache.derby.jdbc.EmbeddedDataSource ds = new org.apache.derby.jdbc.EmbeddedDataSource();
            ds.setDatabaseName(database);
            ds.setCreateDatabase("create");
            return ds;
        }

        static void shutDown(String database) {
            org.apache.derby.jdbc.EmbeddedDataSource ds = new org.apache.derby.jdbc.EmbeddedDataSource();
            ds.setDatabaseName(database);
            ds.setShutdownDatabase("shutdown");
            try {
                ds.getConnection().close();
                LOG.warning(() -> "SignOff: Derby database " + database + " did not shut down");
            } catch (SQLException e) {
                // Derby reports a clean shutdown as SQLState 08006, and "not booted" as XJ004: both fine.
                if (!"08006".equals(e.getSQLState()) && !"XJ004".equals(e.getSQLState())) {
                    LOG.log(java.util.logging.Level.WARNING, "SignOff: Derby database " + database + " did not shut down cleanly", e);
                }
            }
        }
    }
}
