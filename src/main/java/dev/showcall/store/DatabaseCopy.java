package dev.showcall.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies the day's state from one showcall database to another, H2 or PostgreSQL either way, so
 * that a production can move from one to the other. Both are migrated to the current schema
 * first (opening a {@link Database} does that). Every table of showcall's is copied, found from
 * the schema itself so that a table a new migration adds is copied too, and in the order of
 * their foreign keys; ids stay what they were and the target's identity columns go on after
 * them. Quartz's tables are not copied: showcall schedules every ping still owed from the plan
 * and the pings table when it starts on the copy. Nor is the lease: nobody is active on the copy yet.
 */
public final class DatabaseCopy {

    private static final String FLYWAY_HISTORY = "flyway_schema_history";
    private static final String QUARTZ_PREFIX = "qrtz_";
    /** Which instance is active says nothing about the day: the copy starts with nobody holding it. */
    private static final String LEASE = "showcall_lease";

    private DatabaseCopy() {
    }

    /**
     * Copies every row of showcall's tables from {@code from} into {@code to}, in one transaction
     * on {@code to}.
     *
     * @return how many rows each table had, in the order they were copied
     * @throws StoreException when the source holds no show, the target is not empty, or a table
     *                        cannot be copied; the target is then left as it was
     */
    public static Map<String, Integer> copy(Database from, Database to) {
        return to.inTransaction(target -> from.inTransaction(source -> {
            List<String> tables = tablesInForeignKeyOrder(source);
            if (count(source, "show") == 0) {
                throw new StoreException("The source database holds no show: there is nothing to copy (is its URL right?)");
            }
            requireEmpty(target, tables);
            Map<String, Integer> copied = new LinkedHashMap<>();
            for (String table : tables) {
                copied.put(table, copyTable(source, target, table));
            }
            for (String table : tables) {
                continueIdentities(target, table);
            }
            return copied;
        }));
    }

    /** showcall's tables, lower case, each after the tables its foreign keys point to. */
    static List<String> tablesInForeignKeyOrder(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals(FLYWAY_HISTORY) && !table.equals(LEASE) && !table.startsWith(QUARTZ_PREFIX)) {
                    parents.put(table, new LinkedHashSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
            try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), nameIn(meta, table.getKey()))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table.getKey())) {
                        table.getValue().add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            int before = ordered.size();
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
                    ordered.add(table.getKey());
                }
            }
            if (ordered.size() == before) {
                throw new StoreException("The foreign keys between showcall's tables go round in a circle: " + parents);
            }
        }
        return ordered;
    }

    /** A table's name as the engine keeps it in its catalogue: upper case on H2, lower case on PostgreSQL. */
    private static String nameIn(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static void requireEmpty(Connection target, List<String> tables) throws SQLException {
        for (String table : tables) {
            long rows = count(target, table);
            if (rows > 0) {
                throw new StoreException("The target database is not empty: its table " + table + " has " + rows
                        + " rows. Copy into a new database only.");
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int copyTable(Connection source, Connection target, String table) throws SQLException {
        try (Statement select = source.createStatement();
             ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") OVERRIDING SYSTEM VALUE VALUES ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            int count = 0;
            try (PreparedStatement ps = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        copyValue(rows, columns, ps, i);
                    }
                    ps.addBatch();
                    count++;
                }
                if (count > 0) {
                    ps.executeBatch();
                }
            }
            return count;
        } catch (SQLException e) {
            throw new SQLException("Could not copy table " + table + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Each value as the store itself reads and writes it: instants with their offset, text as strings. */
    private static void copyValue(ResultSet rows, ResultSetMetaData columns, PreparedStatement ps, int i)
            throws SQLException {
        int type = columns.getColumnType(i);
        String typeName = columns.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.startsWith("timestamp")) {
            OffsetDateTime value = rows.getObject(i, OffsetDateTime.class);
            if (value == null) {
                ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(i, value);
            }
        } else if (type == Types.CLOB || type == Types.NCLOB || type == Types.VARCHAR || type == Types.CHAR
                || type == Types.LONGVARCHAR || type == Types.NVARCHAR || type == Types.NCHAR) {
            ps.setString(i, rows.getString(i));
        } else {
            Object value = rows.getObject(i);
            if (value == null) {
                ps.setNull(i, type);
            } else {
                ps.setObject(i, value);
            }
        }
    }

    /** The next id a table's identity column hands out comes after the ids copied into it. */
    private static void continueIdentities(Connection target, String table) throws SQLException {
        DatabaseMetaData meta = target.getMetaData();
        List<String> identities = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, target.getSchema(), nameIn(meta, table), "%")) {
            while (rs.next()) {
                if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    identities.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String column : identities) {
            long next;
            try (Statement s = target.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement s = target.createStatement()) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
            }
        }
    }
}
