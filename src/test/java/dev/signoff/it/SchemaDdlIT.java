package dev.signoff.it;

import jakarta.persistence.Persistence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin DDL in {@code server-config/sql/} creates what the entities need: for Derby, PostgreSQL
 * and MariaDB, one fresh database gets the tables from the JPA provider's schema generation (the
 * module's own persistence unit, so a table or column added to an entity shows up here), another
 * from the DDL file; every table, column (type, length, nullability), primary key and index of the
 * first must be in the second. The DDL may have more columns only if they are nullable (DEVICE).
 * That the registry runs on DDL-made tables with a login that cannot create any is shown by the
 * build's *-ddl executions of RegistryIT.
 */
class SchemaDdlIT {
    private static final String PREFIX = System.getProperty("signoff.it.db", "signoff_it");

    /** One column as the database describes it. */
    record Column(int type, int size, boolean nullable) {
    }

    /** What the comparison looks at in one table. */
    record Table(Map<String, Column> columns, List<String> primaryKey, Map<String, String> indexes) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql", "mariadb"})
    void ddlHasEveryTableColumnKeyAndIndexTheEntitiesNeed(String kind) throws SQLException {
        String jpaUrl = database(kind, PREFIX + "_jpa_" + kind, false);
        String ddlUrl = database(kind, PREFIX + "_ddl_" + kind, true);
        generateSchema(jpaUrl, kind);

        Map<String, Table> jpa = describe(jpaUrl, kind);
        Map<String, Table> ddl = describe(ddlUrl, kind);

        assertTrue(jpa.containsKey("SIGNOFF_SESSION"), () -> "JPA generated no SIGNOFF_SESSION: " + jpa.keySet());
        for (Map.Entry<String, Table> t : jpa.entrySet()) {
            Table expected = t.getValue();
            Table actual = ddl.get(t.getKey());
            assertNotNull(actual, () -> kind + ".sql lacks table " + t.getKey());
            expected.columns().forEach((name, column) -> assertEquals(column, actual.columns().get(name),
                    () -> kind + ".sql: " + t.getKey() + "." + name + " (type, size, nullable)"));
            actual.columns().forEach((name, column) -> assertTrue(expected.columns().containsKey(name) || column.nullable(),
                    () -> kind + ".sql: extra column " + t.getKey() + "." + name + " must be nullable, or inserts fail"));
            assertEquals(expected.primaryKey(), actual.primaryKey(), () -> kind + ".sql: primary key of " + t.getKey());
            expected.indexes().forEach((name, definition) -> assertEquals(definition, actual.indexes().get(name),
                    () -> kind + ".sql: index " + name + " on " + t.getKey()));
        }
        Column device = ddl.get("SIGNOFF_SESSION").columns().get("DEVICE");
        assertNotNull(device, kind + ".sql: SIGNOFF_SESSION.DEVICE (user-agent device description) is missing");
        assertTrue(device.nullable());
        assertEquals(100, device.size());
    }

    /** A fresh database of this kind (tables from the DDL when {@code ddl}); returns its JDBC URL with admin credentials. */
    private static String database(String kind, String name, boolean ddl) throws SQLException {
        if ("derby".equals(kind)) {
            String url = "jdbc:derby:memory:" + name + ";create=true";
            if (ddl) {
                try (Connection c = DriverManager.getConnection(url)) {
                    TestDatabases.run(c, "derby");
                }
            }
            return url;
        }
        TestDatabases.reset(kind + ":" + name + (ddl ? ":ddl" : ""));
        return "postgresql".equals(kind) ? TestDatabases.postgresqlUrl(name) + "?user=postgres"
                : TestDatabases.mariadbUrl(name) + "?user=root";
    }

    /** Creates the module's tables as its persistence unit declares them, with the JPA provider on the class path. */
    private static void generateSchema(String url, String kind) {
        Map<String, Object> p = new HashMap<>();
        p.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        p.put("jakarta.persistence.jtaDataSource", "");
        p.put("jakarta.persistence.jdbc.url", url);
        p.put("jakarta.persistence.schema-generation.database.action", "create");
        Persistence.generateSchema("signoff", p);
    }

    private static Map<String, Table> describe(String url, String kind) throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url)) {
            DatabaseMetaData meta = c.getMetaData();
            String catalog = "mariadb".equals(kind) ? c.getCatalog() : null;
            String schema = switch (kind) {
                case "derby" -> "APP";
                case "postgresql" -> "public";
                default -> null;
            };
            List<String> names = new ArrayList<>();
            try (ResultSet r = meta.getTables(catalog, schema, "%", new String[]{"TABLE"})) {
                while (r.next()) {
                    names.add(r.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                tables.put(name.toUpperCase(Locale.ROOT), new Table(columns(meta, catalog, schema, name),
                        primaryKey(meta, catalog, schema, name), indexes(meta, catalog, schema, name)));
            }
        }
        assertFalse(tables.isEmpty(), "no tables in " + url);
        return tables;
    }

    private static Map<String, Column> columns(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        Map<String, Column> columns = new TreeMap<>();
        try (ResultSet r = meta.getColumns(catalog, schema, table, "%")) {
            while (r.next()) {
                int type = r.getInt("DATA_TYPE");
                boolean text = type == java.sql.Types.VARCHAR || type == java.sql.Types.NVARCHAR || type == java.sql.Types.CHAR;
                columns.put(r.getString("COLUMN_NAME").toUpperCase(Locale.ROOT),
                        new Column(type, text ? r.getInt("COLUMN_SIZE") : 0, r.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        Map<Short, String> key = new TreeMap<>();
        try (ResultSet r = meta.getPrimaryKeys(catalog, schema, table)) {
            while (r.next()) {
                key.put(r.getShort("KEY_SEQ"), r.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(key.values());
    }

    /** Index name to "unique|plain (COLUMN, …)", without the primary key's own index. */
    private static Map<String, String> indexes(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        Map<String, Map<Short, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        try (ResultSet r = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (r.next()) {
                String name = r.getString("INDEX_NAME");
                if (name == null || r.getString("COLUMN_NAME") == null) {
                    continue;
                }
                String key = name.toUpperCase(Locale.ROOT);
                columns.computeIfAbsent(key, k -> new TreeMap<>()).put(r.getShort("ORDINAL_POSITION"),
                        r.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                unique.put(key, !r.getBoolean("NON_UNIQUE"));
            }
        }
        List<String> primaryKey = primaryKey(meta, catalog, schema, table);
        Map<String, String> indexes = new TreeMap<>();
        columns.forEach((name, cols) -> {
            List<String> list = List.copyOf(cols.values());
            // The primary key's index is named by the database (PRIMARY, *_pkey, SQL…); the key itself is compared above.
            if (!(unique.get(name) && list.equals(primaryKey))) {
                indexes.put(name, (unique.get(name) ? "unique " : "plain ") + list);
            }
        });
        return indexes;
    }
}
