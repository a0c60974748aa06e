package io.storyteller.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code corpus export} refuses before reading anything; exporting itself is specified end to
 * end (ExportingACorpusTest), through the running server's database.
 */
class ExportDatasetsTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StorytellerCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aTimeThatIsNeitherASequenceNorAnInstantIsNamed() {
        int exit = run("corpus", "export", "--out", dataDir.resolve("x").toString(), "--from", "yesterday",
                "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(ExportDatasets.UNUSABLE);
        assertThat(err.toString()).contains("--from").contains("yesterday");
    }

    @Test
    void withoutADatabaseItSaysWhereItLooked() {
        int exit = run("corpus", "export", "--out", dataDir.resolve("x").toString(), "--data-dir", dataDir.toString(),
                "--db-url", "");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no database configured").contains(dataDir.resolve("postgres").toString());
        assertThat(Files.exists(dataDir.resolve("x"))).isFalse();
    }

    @Test
    void anEmbeddedClusterNoServerRunsIsNotStartedBehindTheServersBack() throws Exception {
        Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(dataDir.resolve("postgres").resolve("PG_VERSION"), "17\n");

        int exit = run("corpus", "export", "--out", dataDir.resolve("x").toString(), "--data-dir", dataDir.toString(),
                "--db-url", "");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("is not running");
    }

    @Test
    void aHoldoutOutOfRangeIsRefusedByName() {
        int exit = run("corpus", "export", "--out", dataDir.resolve("x").toString(), "--holdout", "0.95",
                "--db-url", "jdbc:postgresql://localhost:1/none");

        assertThat(exit).isEqualTo(ExportDatasets.UNUSABLE);
        assertThat(err.toString()).contains("selection.holdout");
    }
}
