package io.storyteller.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a backup holds beside the tables of the source of truth: the data directory's files, and the kept vectors on request. */
class BackupBesideTheLogTest {

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
        Files.setLastModifiedTime(later, FileTime.from(Instant.now().plusSeconds(60)));

        Path backup = work.resolve("backup");
        BackupManifest manifest = new EventStoreBackup(source).create(backup, served, false, TransferProgress.NONE);
        assertThat(manifest.dataFiles().files()).isEqualTo(2);

        Path restored = work.resolve("restored");
        new EventStoreRestore(databases.newDatabase()).restore(backup, restored, TransferProgress.NONE);

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
        DataSource target = databases.newDatabase();
        SchemaLevel.migrateTo(target, MigrationVersion.LATEST);
        JdbcTemplate targetSql = new JdbcTemplate(target);
        targetSql.update("INSERT INTO embedding_vectors VALUES ('minilm@1', ?, ?)", new byte[] {1}, new byte[] {99});
        new EventStoreRestore(target).restore(backup, null, TransferProgress.NONE);

        assertThat(ScratchDatabases.rows(targetSql, "embedding_vectors")).isEqualTo(ScratchDatabases.rows(sourceSql, "embedding_vectors"));
    }
}
