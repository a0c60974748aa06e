package io.storyteller.ops.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * (p) What the database itself can do, as the yardstick of the write path: single-row inserts, one
 * transaction each (autocommit, synchronous commit on, as the application runs), into a scratch
 * table shaped like Axon's event table (same columns, primary key and unique index), on the
 * application's own PostgreSQL and connection pool, from N concurrent clients. A command's write
 * path cannot be faster than one such commit, so commands/s over this rate is how close the
 * platform gets to the database's limit.
 */
final class RawInserts {

    /** Rows inserted per second by {@code clients} threads. */
    record Result(int clients, long rows, double seconds) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private static final String TABLE = "benchmark_raw_inserts";
    private static final byte[] PAYLOAD = new byte[600];

    private final DataSource dataSource;
    private final Duration duration;

    RawInserts(DataSource dataSource, Duration duration) {
        this.dataSource = dataSource;
        this.duration = duration;
        Arrays.fill(PAYLOAD, (byte) 'x');
    }

    Result run(int clients) throws Exception {
        createTable();
        AtomicLong rows = new AtomicLong();
        long elapsed = Players.run(clients, duration.plusSeconds(5), (client, deadline) -> {
            long end = Math.min(deadline, System.nanoTime() + duration.toNanos());
            String aggregate = UUID.randomUUID().toString();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload)"
                        + " VALUES (?, ?, ?, 'Story', now()::text, 'io.storyteller.domain.story.PlayerActionSubmitted', ?)")) {
                    for (long sequence = 0; System.nanoTime() < end; sequence++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, sequence);
                        insert.setBytes(4, PAYLOAD);
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
            }
        });
        dropTable();
        return new Result(clients, rows.get(), elapsed / 1e9);
    }

    private void createTable() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("DROP TABLE IF EXISTS " + TABLE);
            sql.execute("CREATE TABLE " + TABLE + " (global_index bigserial PRIMARY KEY,"
                    + " event_identifier varchar(255) NOT NULL UNIQUE, aggregate_identifier varchar(255) NOT NULL,"
                    + " sequence_number bigint NOT NULL, type varchar(255), time_stamp varchar(255) NOT NULL,"
                    + " payload_type varchar(255) NOT NULL, payload bytea NOT NULL,"
                    + " UNIQUE (aggregate_identifier, sequence_number))");
        }
    }

    private void dropTable() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("DROP TABLE " + TABLE);
        }
    }
}
