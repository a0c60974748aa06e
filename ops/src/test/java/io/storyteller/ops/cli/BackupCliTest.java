package io.storyteller.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The backup commands' options, and a restore refused before any database is touched. */
class BackupCliTest {

    @TempDir
    Path work;

    @Test
    void aBackupNamesItsDirectoryAndWhatItLeavesOut() {
        CommandLine cli = new CommandLine(new StorytellerCommand());
        BackupCreate create = (BackupCreate) cli.parseArgs("backup", "create", "--to", "/backups/today", "--with-vectors",
                "--no-files", "--db-url", "jdbc:postgresql://db/storyteller").subcommand().subcommand().commandSpec().userObject();

        assertThat(create.to).isEqualTo(Path.of("/backups/today"));
        assertThat(create.withVectors).isTrue();
        assertThat(create.noFiles).isTrue();
        assertThat(create.dbUrl).isEqualTo("jdbc:postgresql://db/storyteller");
    }

    @Test
    void aDirectoryWithoutAManifestIsRefusedAndNoDataDirectoryIsMade() throws Exception {
        Path notABackup = Files.createDirectories(work.resolve("half-copied"));
        Path dataDir = work.resolve("data");
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new StorytellerCommand()).setErr(new PrintWriter(err))
                .execute("backup", "restore", "--from", notABackup.toString(), "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(BackupCli.REFUSED);
        assertThat(err.toString()).contains("holds no manifest.json: it is not a backup, or an unfinished one");
        assertThat(dataDir).doesNotExist();
    }
}
