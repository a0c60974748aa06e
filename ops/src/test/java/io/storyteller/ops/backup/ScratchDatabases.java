package io.storyteller.ops.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** One PostgreSQL for a test class, a new database per need, and a small history of every backed-up kind. */
final class ScratchDatabases implements AutoCloseable {

    private final DataDirectoryCluster cluster;

    private ScratchDatabases(DataDirectoryCluster cluster) {
        this.cluster = cluster;
    }

    static ScratchDatabases start(Path dataDir) throws IOException {
        return new ScratchDatabases(DataDirectoryCluster.start(dataDir, "postgres"));
    }

    DataSource newDatabase() {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(cluster.dataSource()).execute("CREATE DATABASE " + name);
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL("jdbc:postgresql://localhost:" + cluster.port() + "/" + name);
        database.setUser("postgres");
        return database;
    }

    /**
     * A migrated database holding 30 events (global index 1..30), a snapshot, a saga with an
     * association, a dead letter, a picked deadline, and claimed tokens of a saga processor and a projection.
     */
    DataSource withHistory() {
        DataSource database = newDatabase();
        SchemaLevel.migrateTo(database, MigrationVersion.LATEST);
        JdbcTemplate sql = new JdbcTemplate(database);
        for (int i = 0; i < 30; i++) {
            sql.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                            + " payload, payloadtype, timestamp) VALUES (?, ?, 'Story', ?, ?, ?, 'io.storyteller.Event', ?)",
                    "story-" + i % 3, i / 3, UUID.randomUUID().toString(), "{}".getBytes(), ("{\"n\":" + i + "}").getBytes(),
                    "2030-01-01T00:00:" + String.format("%02d", i) + "Z");
        }
        sql.update("INSERT INTO snapshotevententry VALUES ('story-0', 9, 'Story', 'snap-1', NULL, ?, NULL, 'io.storyteller.Story', '2030-01-02T00:00:00Z')",
                (Object) "{\"state\":1}".getBytes());
        sql.update("INSERT INTO sagaentry VALUES ('saga-1', NULL, 'io.storyteller.sagas.RolloutSaga', ?)", (Object) "{}".getBytes());
        sql.update("INSERT INTO associationvalueentry (associationkey, associationvalue, sagaid, sagatype)"
                + " VALUES ('deploymentId', 'd-1', 'saga-1', 'io.storyteller.sagas.RolloutSaga')");
        sql.update("INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex,"
                + " messagetype, eventidentifier, timestamp, payloadtype, payload, enqueuedat) VALUES ('dl-1', 'stories', 'story-1', 0,"
                + " 'Event', 'e-1', '2030-01-01T00:00:00Z', 'io.storyteller.Event', ?, '2030-01-01T00:00:01Z')", (Object) "{}".getBytes());
        sql.update("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by, version)"
                + " VALUES ('axon-deadline', 'd-1', ?, now(), true, 'instance-a', 1)", (Object) new byte[] {1, 2, 3});
        sql.update("INSERT INTO tokenentry VALUES ('RolloutSagaProcessor', 0, ?, 'GapAwareTrackingToken', now()::text, 'instance-a')",
                (Object) "{\"index\":29}".getBytes());
        sql.update("INSERT INTO tokenentry VALUES ('stories', 0, ?, 'GapAwareTrackingToken', now()::text, 'instance-a')",
                (Object) "{\"index\":29}".getBytes());
        return database;
    }

    /** The table's rows in primary-key order, byte arrays as hex so that rows compare by value. */
    static List<List<Object>> rows(JdbcTemplate sql, String table) {
        return sql.query("SELECT * FROM " + table + " ORDER BY 1, 2", (row, n) -> {
            List<Object> values = new ArrayList<>();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                Object value = row.getObject(column);
                values.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
            }
            return values;
        });
    }

    static boolean tableExists(DataSource database, String table) {
        return Boolean.TRUE.equals(new JdbcTemplate(database).queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table));
    }

    @Override
    public void close() throws IOException {
        cluster.close();
    }
}
