package io.storyteller.projections.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.flywaydb.core.Flyway;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A real PostgreSQL 17 with the read-model migrations applied, one per test JVM and shared by every
 * test class: {@link #start()} it in {@code @BeforeAll} (each class begins with empty tables),
 * {@link #clear()} it before each test and {@link #close()} it in {@code @AfterAll}, which leaves it
 * running for the next class. It stops with the JVM.
 */
public final class ReadModelDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final SingleConnectionDataSource dataSource;
    private final JdbcClient jdbc;

    private ReadModelDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // one connection for every test: opening a connection per statement is slow
        this.dataSource = new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", "", true);
        this.jdbc = JdbcClient.create(dataSource);
    }

    private static ReadModelDatabase shared;

    /** The shared database, started on first use, its tables emptied. */
    public static synchronized ReadModelDatabase start() {
        if (shared == null) {
            shared = launch();
        }
        shared.clear();
        return shared;
    }

    private static ReadModelDatabase launch() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            Flyway.configure().dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration").load().migrate();
            return new ReadModelDatabase(postgres);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A new database on the same server, without any migration applied (one made under this name
     * before is dropped first): for tests of a migration's change to existing rows.
     */
    public DataSource emptyDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a plain lower-case database name, was " + name);
        }
        jdbc.sql("DROP DATABASE IF EXISTS " + name).update();
        jdbc.sql("CREATE DATABASE " + name).update();
        return postgres.getDatabase("postgres", name);
    }

    /** The read model's tables, by name. */
    public List<String> tables() {
        return jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                  AND table_name <> 'flyway_schema_history'
                ORDER BY table_name""").query(String.class).list();
    }

    /** Transactions on the one connection, for units of work that run as a processor's do. */
    public TransactionManager transactions() {
        return () -> {
            try {
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                return new Transaction() {
                    @Override
                    public void commit() {
                        end(connection, true);
                    }

                    @Override
                    public void rollback() {
                        end(connection, false);
                    }
                };
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void end(Connection connection, boolean commit) {
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void clear() {
        jdbc.sql("TRUNCATE " + String.join(", ", tables())).update();
    }

    /**
     * Every row of every table in key order (each table's leading columns are its key), with
     * arrays and jsonb turned into comparable values.
     */
    public Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        for (String table : tables()) {
            snapshot.put(table, rows("SELECT * FROM " + table + " ORDER BY 1, 2"));
        }
        return snapshot;
    }

    /** The rows of a query, with arrays and jsonb turned into comparable values. */
    public List<Map<String, Object>> rows(String sql) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql(sql).query().listOfRows()) {
            Map<String, Object> plain = new LinkedHashMap<>();
            row.forEach((column, value) -> plain.put(column, comparable(value)));
            rows.add(plain);
        }
        return rows;
    }

    public Map<String, Object> row(String sql) {
        List<Map<String, Object>> rows = rows(sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row but got " + rows.size() + " for " + sql);
        }
        return rows.getFirst();
    }

    private static Object comparable(Object value) {
        try {
            if (value instanceof Array array) {
                return Arrays.asList((Object[]) array.getArray());
            }
            if (value instanceof PGobject json) {
                return json.getValue();
            }
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaves the shared database to the next test class; the embedded server's shutdown hook stops it with the JVM. */
    @Override
    public void close() {
    }
}
