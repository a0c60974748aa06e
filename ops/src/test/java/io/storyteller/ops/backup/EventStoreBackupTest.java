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
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    private static ScratchDatabases databases;

    @TempDir
    Path work;
    private DataSource source;
    private JdbcTemplate sourceSql;

    @BeforeAll
    static void startPostgres() throws IOException {
        databases = ScratchDatabases.start(dataDir);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        databases.close();
    }

    @BeforeEach
    void sourceWithAHistory() {
        source = databases.withHistory();
        sourceSql = new JdbcTemplate(source);
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

        DataSource target = databases.newDatabase();
        new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE);

        JdbcTemplate targetSql = new JdbcTemplate(target);
        for (String table : List.of("domainevententry", "snapshotevententry", "sagaentry", "associationvalueentry", "deadletterentry")) {
            assertThat(ScratchDatabases.rows(targetSql, table)).as(table).isEqualTo(ScratchDatabases.rows(sourceSql, table)).isNotEmpty();
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
    void aBackupWithTheReadModelsRestoresThemWithTheirPositionsUnlessARebuildIsAsked() throws Exception {
        sourceSql.update("INSERT INTO spend_story_worlds VALUES ('story-1', 'world-1')");
        sourceSql.update("INSERT INTO tokenentry VALUES ('beat-index', 0, ?, 'GapAwareTrackingToken', now()::text, 'instance-a')",
                (Object) "{\"index\":12}".getBytes());
        Path backup = work.resolve("backup");
        // no search node: the search indexes' positions stay out, so they are rebuilt after a restore
        BackupManifest manifest = new EventStoreBackup(source).create(backup, null,
                EventStoreBackup.Contents.withReadModels(null), TransferProgress.NONE);
        assertThat(manifest.readModels()).isTrue();
        assertThat(manifest.searchSnapshot()).isNull();
        assertThat(manifest.tables()).extracting(TableFile::table)
                .contains("spend_story_worlds", "stories", "embedding_vectors").doesNotContain("flyway_schema_history");
        assertThat(manifest.rows("tokenentry")).as("every position but the search indexes'").isEqualTo(2);

        DataSource target = databases.newDatabase();
        SchemaLevel.migrateTo(target, org.flywaydb.core.api.MigrationVersion.fromVersion(manifest.schemaVersion()));
        // a row the target's own (empty) history left in a read model is replaced, not kept beside the backup's
        new JdbcTemplate(target).update("INSERT INTO spend_story_worlds VALUES ('story-stale', 'world-0')");
        new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE);
        JdbcTemplate targetSql = new JdbcTemplate(target);
        assertThat(ScratchDatabases.rows(targetSql, "spend_story_worlds")).isEqualTo(ScratchDatabases.rows(sourceSql, "spend_story_worlds"));
        assertThat(targetSql.queryForList("SELECT processorname FROM tokenentry ORDER BY 1", String.class))
                .containsExactly("RolloutSagaProcessor", "stories");

        DataSource rebuilt = databases.newDatabase();
        new EventStoreRestore(rebuilt).restore(backup, BackupManifest.readVerified(backup),
                new EventStoreRestore.Into(null, false, true), TransferProgress.NONE);
        JdbcTemplate rebuiltSql = new JdbcTemplate(rebuilt);
        assertThat(rebuiltSql.queryForObject("SELECT count(*) FROM spend_story_worlds", Long.class)).isZero();
        assertThat(rebuiltSql.queryForList("SELECT processorname FROM tokenentry", String.class))
                .as("only the sagas' positions: every projection replays the log").containsExactly("RolloutSagaProcessor");
        assertThat(ScratchDatabases.rows(rebuiltSql, "domainevententry")).isEqualTo(ScratchDatabases.rows(sourceSql, "domainevententry"));
    }

    @Test
    void aChangedBackupFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path backup = work.resolve("backup");
        new EventStoreBackup(source).create(backup, null, false, TransferProgress.NONE);
        Path events = backup.resolve("domainevententry.copy.gz");
        byte[] bytes = Files.readAllBytes(events);
        bytes[bytes.length / 2] ^= 1;
        Files.write(events, bytes);

        DataSource target = databases.newDatabase();
        assertThatThrownBy(() -> new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("domainevententry.copy.gz has SHA-256").hasMessageContaining("damaged or was changed");
        assertThat(ScratchDatabases.tableExists(target, "domainevententry")).as("not even the schema was built").isFalse();
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

        DataSource target = databases.newDatabase();
        assertThatThrownBy(() -> new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("the backup's schema version 9999 is newer than this application's newest migration");
        assertThat(ScratchDatabases.tableExists(target, "domainevententry")).isFalse();
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
                manifest.highestGlobalIndex(), manifest.tookMillis(), tables, manifest.dataFiles(), manifest.readModels(),
                manifest.searchSnapshot()).write(backup);

        DataSource target = databases.newDatabase();
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
        DataSource empty = databases.newDatabase();
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
}
