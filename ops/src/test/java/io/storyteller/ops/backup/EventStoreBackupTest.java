package io.storyteller.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backup and restore on a real PostgreSQL: a round trip equal row for row, and every refusal and
 * failure leaving the target without a restored row.
 */
class EventStoreBackupTest {

    private static final List<String> TABLES = List.of("domainevententry", "snapshotevententry", "sagaentry",
            "associationvalueentry", "deadletterentry", "scheduled_tasks", "tokenentry");

    @TempDir
    static Path dataDir;
    private static DataDirectoryCluster cluster;

    @TempDir
    Path work;
    private DataSource source;
    private JdbcTemplate sourceSql;

    @BeforeAll
    static void startPostgres() throws IOException {
        cluster = DataDirectoryCluster.start(dataDir, "postgres");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        cluster.close();
    }

    @BeforeEach
    void sourceWithAHistory() {
        source = newDatabase();
        SchemaLevel.migrateTo(source, MigrationVersion.LATEST);
        sourceSql = new JdbcTemplate(source);
        for (int i = 0; i < 30; i++) {
            sourceSql.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                            + " payload, payloadtype, timestamp) VALUES (?, ?, 'Story', ?, ?, ?, 'io.storyteller.Event', ?)",
                    "story-" + i % 3, i / 3, UUID.randomUUID().toString(), "{}".getBytes(), ("{\"n\":" + i + "}").getBytes(),
                    "2030-01-01T00:00:" + String.format("%02d", i) + "Z");
        }
        sourceSql.update("INSERT INTO snapshotevententry VALUES ('story-0', 9, 'Story', 'snap-1', NULL, ?, NULL, 'io.storyteller.Story', '2030-01-02T00:00:00Z')",
                (Object) "{\"state\":1}".getBytes());
        sourceSql.update("INSERT INTO sagaentry VALUES ('saga-1', NULL, 'io.storyteller.sagas.RolloutSaga', ?)", (Object) "{}".getBytes());
        sourceSql.update("INSERT INTO associationvalueentry (associationkey, associationvalue, sagaid, sagatype)"
                + " VALUES ('deploymentId', 'd-1', 'saga-1', 'io.storyteller.sagas.RolloutSaga')");
        sourceSql.update("INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex,"
                + " messagetype, eventidentifier, timestamp, payloadtype, payload, enqueuedat) VALUES ('dl-1', 'stories', 'story-1', 0,"
                + " 'Event', 'e-1', '2030-01-01T00:00:00Z', 'io.storyteller.Event', ?, '2030-01-01T00:00:01Z')", (Object) "{}".getBytes());
        sourceSql.update("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by, version)"
                + " VALUES ('axon-deadline', 'd-1', ?, now(), true, 'instance-a', 1)", (Object) new byte[] {1, 2, 3});
        sourceSql.update("INSERT INTO tokenentry VALUES ('RolloutSagaProcessor', 0, ?, 'GapAwareTrackingToken', now()::text, 'instance-a')",
                (Object) "{\"index\":29}".getBytes());
        sourceSql.update("INSERT INTO tokenentry VALUES ('stories', 0, ?, 'GapAwareTrackingToken', now()::text, 'instance-a')",
                (Object) "{\"index\":29}".getBytes());
    }

    @Test
    void aRestoredDatabaseHoldsTheSourceOfTruthRowForRowAndNewEventsFollowIt() throws Exception {
        Path backup = work.resolve("backup");
        BackupManifest manifest = new EventStoreBackup(source).create(backup, null, false, TransferProgress.NONE);

        assertThat(manifest.highestGlobalIndex()).isEqualTo(30);
        assertThat(manifest.rows("domainevententry")).isEqualTo(30);
        assertThat(manifest.rows("tokenentry")).as("only the saga processors' positions").isEqualTo(1);
        assertThat(manifest.schemaVersion()).isEqualTo(SchemaLevel.newestKnown(source).getVersion());
        assertThat(backup.getParent()).isDirectoryNotContaining("glob:**/.*partial*");

        DataSource target = newDatabase();
        new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE);

        JdbcTemplate targetSql = new JdbcTemplate(target);
        for (String table : List.of("domainevententry", "snapshotevententry", "sagaentry", "associationvalueentry", "deadletterentry")) {
            assertThat(rows(targetSql, table)).as(table).isEqualTo(rows(sourceSql, table)).isNotEmpty();
        }
        assertThat(targetSql.queryForList("SELECT processorname, owner FROM tokenentry"))
                .as("the saga processor's position, unclaimed; no other processor's").containsExactly(withNullOwner());
        assertThat(targetSql.queryForMap("SELECT picked, picked_by, task_data FROM scheduled_tasks"))
                .containsEntry("picked", false).containsEntry("picked_by", null);
        // the next event continues the global index after the restored ones
        targetSql.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, eventidentifier, payload, payloadtype, timestamp)"
                + " VALUES ('story-9', 0, 'after-restore', ?, 'io.storyteller.Event', 'now')", (Object) "{}".getBytes());
        assertThat(targetSql.queryForObject("SELECT globalindex FROM domainevententry WHERE eventidentifier = 'after-restore'", Long.class))
                .isEqualTo(31);
    }

    @Test
    void theModelFilesAndSigningKeyOfTheDataDirectoryComeBackWithTheLog() throws Exception {
        Path served = work.resolve("served");
        Files.createDirectories(served.resolve("models/house/world-1/v1"));
        Files.writeString(served.resolve("models/house/world-1/v1/model.onnx"), "weights");
        Files.createDirectories(served.resolve("keys"));
        Files.writeString(served.resolve("keys/jwt-signing.json"), "{\"k\":\"secret\"}");
        Files.createDirectories(served.resolve("models/house/world-1/.writing-v2"));
        Files.writeString(served.resolve("models/house/world-1/.writing-v2/model.onnx"), "half");
        Files.createDirectories(served.resolve("corpora/export-1"));
        Files.writeString(served.resolve("corpora/export-1/sft.jsonl"), "{}");
        Path later = served.resolve("models/house/world-1/v1/written-after-the-snapshot.bin");
        Files.writeString(later, "later");
        Files.setLastModifiedTime(later, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(60)));

        Path backup = work.resolve("backup");
        BackupManifest manifest = new EventStoreBackup(source).create(backup, served, false, TransferProgress.NONE);
        assertThat(manifest.dataFiles().files()).isEqualTo(2);

        Path restored = work.resolve("restored");
        new EventStoreRestore(newDatabase()).restore(backup, restored, TransferProgress.NONE);

        assertThat(restored.resolve("models/house/world-1/v1/model.onnx")).hasContent("weights");
        assertThat(restored.resolve("keys/jwt-signing.json")).hasContent("{\"k\":\"secret\"}");
        assertThat(restored.resolve("models/house/world-1/v1/written-after-the-snapshot.bin")).doesNotExist();
        assertThat(restored.resolve("models/house/world-1/.writing-v2")).doesNotExist();
        assertThat(restored.resolve("corpora")).doesNotExist();
        try (var left = Files.list(restored)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("models", "keys");
        }
    }

    @Test
    void theKeptVectorsComeAlongOnlyWhenAskedAndReplaceTheTargetsOwn() throws Exception {
        sourceSql.update("INSERT INTO embedding_vectors VALUES ('minilm@1', ?, ?)", new byte[] {1}, new byte[] {10, 11});
        BackupManifest without = new EventStoreBackup(source).create(work.resolve("plain"), null, false, TransferProgress.NONE);
        assertThat(without.tables()).extracting(TableFile::table).doesNotContain("embedding_vectors");

        Path backup = work.resolve("with-vectors");
        BackupManifest with = new EventStoreBackup(source).create(backup, null, true, TransferProgress.NONE);
        assertThat(with.rows("embedding_vectors")).isOne();
        DataSource target = newDatabase();
        SchemaLevel.migrateTo(target, MigrationVersion.LATEST);
        JdbcTemplate targetSql = new JdbcTemplate(target);
        targetSql.update("INSERT INTO embedding_vectors VALUES ('minilm@1', ?, ?)", new byte[] {1}, new byte[] {99});
        new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE);

        assertThat(rows(targetSql, "embedding_vectors")).isEqualTo(rows(sourceSql, "embedding_vectors"));
    }

    @Test
    void aChangedBackupFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path backup = work.resolve("backup");
        new EventStoreBackup(source).create(backup, null, false, TransferProgress.NONE);
        Path events = backup.resolve("domainevententry.copy.gz");
        byte[] bytes = Files.readAllBytes(events);
        bytes[bytes.length / 2] ^= 1;
        Files.write(events, bytes);

        DataSource target = newDatabase();
        assertThatThrownBy(() -> new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("domainevententry.copy.gz has SHA-256").hasMessageContaining("damaged or was changed");
        assertThat(tableExists(target, "domainevententry")).as("not even the schema was built").isFalse();
    }

    @Test
    void aTargetWhoseEventStoreIsNotEmptyIsRefused() throws Exception {
        Path backup = work.resolve("backup");
        new EventStoreBackup(source).create(backup, null, false, TransferProgress.NONE);

        assertThatThrownBy(() -> new EventStoreRestore(source).restore(backup, null, TransferProgress.NONE))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("the target's event store is not empty (domainevententry holds rows)");
        assertThat(sourceSql.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(30);
    }

    @Test
    void aBackupOfANewerSchemaIsRefused() throws Exception {
        Path backup = work.resolve("backup");
        new EventStoreBackup(source).create(backup, null, false, TransferProgress.NONE);
        Path manifest = backup.resolve(BackupManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"schemaVersion\" : \"[0-9.]+\"", "\"schemaVersion\" : \"9999\""));

        DataSource target = newDatabase();
        assertThatThrownBy(() -> new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("the backup's schema version 9999 is newer than this application's newest migration");
        assertThat(tableExists(target, "domainevententry")).isFalse();
    }

    @Test
    void aRestoreThatFailsHalfWayLeavesTheTargetWithoutARestoredRow() throws Exception {
        Path backup = work.resolve("backup");
        Path served = Files.createDirectories(work.resolve("served/keys"));
        Files.writeString(served.resolve("jwt-signing.json"), "{}");
        BackupManifest manifest = new EventStoreBackup(source).create(backup, served.getParent(), false, TransferProgress.NONE);
        // The last table's file is well-formed gzip with a matching checksum, but not a COPY PostgreSQL accepts:
        // the event table, loaded first, must not stay.
        TableFile last = manifest.tables().getLast();
        Path file = backup.resolve(last.file());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("not a binary COPY".getBytes());
        }
        List<TableFile> tables = new ArrayList<>(manifest.tables());
        tables.set(tables.size() - 1, new TableFile(last.table(), last.file(), last.columns(), last.filter(), last.rows(),
                Files.size(file), HexFormat.of().formatHex(BackupManifest.digest().digest(Files.readAllBytes(file))), 0));
        new BackupManifest(manifest.formatVersion(), manifest.schemaVersion(), manifest.createdAt(),
                manifest.highestGlobalIndex(), manifest.tookMillis(), tables, manifest.dataFiles()).write(backup);

        DataSource target = newDatabase();
        Path restored = work.resolve("restored");
        assertThatThrownBy(() -> new EventStoreRestore(target).restore(backup, restored, TransferProgress.NONE))
                .isNotInstanceOf(BackupRefused.class);
        assertThat(restored).as("the data files are moved in only with the log").isEmptyDirectory();
        JdbcTemplate targetSql = new JdbcTemplate(target);
        for (String table : TABLES) {
            assertThat(targetSql.queryForObject("SELECT count(*) FROM " + table, Long.class)).as(table).isZero();
        }
    }

    @Test
    void aBackupThatCannotBeTakenLeavesNoDirectoryBehind() {
        DataSource empty = newDatabase();
        Path backup = work.resolve("backup");

        assertThatThrownBy(() -> new EventStoreBackup(empty).create(backup, null, false, TransferProgress.NONE))
                .isInstanceOf(BackupRefused.class).hasMessageContaining("no Flyway schema history");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aBackupGoesOnlyIntoANewOrEmptyDirectory() throws Exception {
        Path backup = Files.createDirectories(work.resolve("backup"));
        Files.writeString(backup.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> new EventStoreBackup(source).create(backup, null, false, TransferProgress.NONE))
                .isInstanceOf(BackupRefused.class).hasMessageContaining("already exists");
        assertThat(backup).isDirectoryContaining("glob:**/notes.txt");
    }

    private static Map<String, Object> withNullOwner() {
        java.util.HashMap<String, Object> row = new java.util.HashMap<>();
        row.put("processorname", "RolloutSagaProcessor");
        row.put("owner", null);
        return row;
    }

    /** The table's rows in primary-key order, byte arrays as hex so that rows compare by value. */
    private static List<List<Object>> rows(JdbcTemplate sql, String table) {
        return sql.query("SELECT * FROM " + table + " ORDER BY 1, 2", (row, n) -> {
            List<Object> values = new ArrayList<>();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                Object value = row.getObject(column);
                values.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
            }
            return values;
        });
    }

    private static boolean tableExists(DataSource database, String table) {
        return Boolean.TRUE.equals(new JdbcTemplate(database).queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table));
    }

    private static DataSource newDatabase() {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        new JdbcTemplate(cluster.dataSource()).execute("CREATE DATABASE " + name);
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL("jdbc:postgresql://localhost:" + cluster.port() + "/" + name);
        database.setUser("postgres");
        return database;
    }
}
