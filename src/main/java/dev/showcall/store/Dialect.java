package dev.showcall.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database engines showcall's store runs on: embedded H2 by default, PostgreSQL for a
 * production that runs on a database server. Most of the schema and the SQL is the same on both;
 * what differs is named here and in the few statements that have one text per engine.
 */
public enum Dialect {

    H2("H2", "h2", "org/quartz/impl/jdbcjobstore/tables_h2.sql"),
    POSTGRESQL("PostgreSQL", "postgresql", "org/quartz/impl/jdbcjobstore/tables_postgres.sql");

    /** REGEXP_LIKE, which call_ping's check constraint uses, came with PostgreSQL 15. */
    public static final int OLDEST_POSTGRESQL = 15;

    private final String productName;
    private final String folder;
    private final String quartzDdl;

    Dialect(String productName, String folder, String quartzDdl) {
        this.productName = productName;
        this.folder = folder;
        this.quartzDdl = quartzDdl;
    }

    /** The engine behind a connection, from what its driver says of it. */
    public static Dialect of(Connection c) throws SQLException {
        return of(c.getMetaData());
    }

    /** The engine behind a pool; it takes one connection to ask. */
    public static Dialect of(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return of(c);
        }
    }

    static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        for (Dialect dialect : values()) {
            if (dialect.productName.equalsIgnoreCase(product)) {
                return dialect;
            }
        }
        throw new StoreException("showcall cannot keep its state in " + product + ": it runs on H2 or PostgreSQL");
    }

    /**
     * The engine a JDBC URL names, so that a setting can be refused before anything connects.
     *
     * @throws IllegalArgumentException for a URL of any other engine
     */
    public static Dialect ofUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("showcall runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...)");
    }

    /**
     * Where the migrations of this engine alone are, beside the common ones in
     * {@code db/migration}: only those whose SQL cannot be the same on both. Outside
     * {@code db/migration}, because Flyway searches a location's sub-folders too.
     */
    String migrationLocation() {
        return "classpath:db/vendor/" + folder;
    }

    /** Quartz's own DDL for this engine, as it ships in the Quartz jar. */
    public String quartzDdl() {
        return quartzDdl;
    }

    /** Refuses an engine version that the schema does not run on, before a migration half-fails on it. */
    void requireSupported(DatabaseMetaData metaData) throws SQLException {
        if (this == POSTGRESQL && metaData.getDatabaseMajorVersion() < OLDEST_POSTGRESQL) {
            throw new StoreException("showcall needs PostgreSQL " + OLDEST_POSTGRESQL + " or later; this server is "
                    + metaData.getDatabaseProductVersion());
        }
    }

    /**
     * One statement, written once for each engine, with its parameters in the same order in both.
     * Mostly an insert of a row unless its key is there: H2's MERGE, and PostgreSQL's
     * {@code INSERT ... ON CONFLICT}. PostgreSQL's MERGE would do, but for a race: when another
     * transaction has just inserted the same key, it fails, and on PostgreSQL a failed statement
     * aborts the whole transaction. {@code ON CONFLICT} waits for the other one and does nothing.
     */
    record Sql(String h2, String postgresql) {

        String in(Connection c) throws SQLException {
            return of(c) == H2 ? h2 : postgresql;
        }
    }
}
