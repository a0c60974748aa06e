package io.storyteller.ops.cli;

import io.storyteller.command.corpus.CorpusExporter;
import io.storyteller.command.corpus.CorpusManifest;
import io.storyteller.command.corpus.ExportProgress;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.shared.DomainRejection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Exports training datasets from the event log of the configured database into a directory, with a
 * progress bar: an external PostgreSQL by its URL, or the embedded one of a running server.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the sft, preferences, ratings, detector and guardrail datasets and manifest.json to a directory.")
class ExportDatasets implements Callable<Integer> {

    static final int UNUSABLE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Directory to write into (absent or empty).")
    Path out;

    @Option(names = "--from", description = "First global sequence (a number) or time (ISO instant or date) whose events yield records.")
    String from;

    @Option(names = "--to", description = "Last global sequence read (a number), or the time (ISO instant or date) from which events yield none.")
    String to;

    @Option(names = "--world", description = "Only this world (repeatable).")
    List<String> worlds = List.of();

    @Option(names = "--types", split = ",", description = "Record-yielding event types, e.g. NarrationRecorded,BeatRated.")
    List<String> types = List.of();

    @Option(names = "--datasets", split = ",", description = "Datasets: ${COMPLETION-CANDIDATES} (default: all).")
    List<CorpusDataset> datasets = List.of();

    @Option(names = "--holdout", defaultValue = "0.1", description = "Share of stories in the holdout split (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the split and the pseudonyms (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--manifest", description = "Export again what this manifest.json describes (other selection options are ignored).")
    Path manifest;

    @Option(names = "--db-url", defaultValue = "${env:SPRING_DATASOURCE_URL}", description = "JDBC URL (default: SPRING_DATASOURCE_URL; else the embedded database).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:SPRING_DATASOURCE_USERNAME}", description = "Database user (default: SPRING_DATASOURCE_USERNAME).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:SPRING_DATASOURCE_PASSWORD}", description = "Database password (default: SPRING_DATASOURCE_PASSWORD).")
    String dbPassword;

    @Option(names = "--data-dir", defaultValue = "${env:STORYTELLER_DATA_DIR:-./data}", description = "The server's data directory, for the embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", defaultValue = "${env:STORYTELLER_EMBEDDED_POSTGRES_DATABASE:-storyteller}",
            description = "The embedded database's name (default: ${DEFAULT-VALUE}).")
    String embeddedDatabase;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CorpusSelection selection;
        try {
            selection = (manifest != null ? CorpusExporter.readManifest(manifest).reproduction() : selection()).validated();
        } catch (IllegalArgumentException | IOException | DomainRejection e) {
            err.println(e.getMessage());
            return UNUSABLE;
        }
        try {
            LogDatabase database = LogDatabase.open(dbUrl, dbUser, dbPassword, dataDir, embeddedDatabase);
            err.println("Reading the event log from " + database.description());
            CorpusManifest written = export(database, selection);
            out.printf("%d events read; records in %s:%n", written.eventsRead(), this.out);
            for (CorpusFile file : written.files()) {
                out.printf("  %-28s %8d  %s%n", file.name(), file.records(), file.sha256());
            }
            out.printf("sequences %s..%s (read up to %d)%ndigest %s%n", written.firstSequence(), written.lastSequence(),
                    written.lastSequenceRead(), written.digest());
            return 0;
        } catch (DomainRejection e) {
            err.println(e.getMessage());
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            err.println("export failed: " + e.getMessage());
            return 1;
        }
    }

    private CorpusManifest export(LogDatabase database, CorpusSelection selection) throws IOException {
        EmbeddedEventStore store = LogEventStore.open(database.dataSource());
        try (Bar bar = new Bar()) {
            return new CorpusExporter(store).export(selection, out, bar);
        } finally {
            store.shutDown();
        }
    }

    private CorpusSelection selection() {
        Long fromSequence = isNumber(from) ? Long.valueOf(from) : null;
        Long toSequence = isNumber(to) ? Long.valueOf(to) : null;
        return new CorpusSelection(fromSequence, toSequence, fromSequence == null ? instant("--from", from) : null,
                toSequence == null ? instant("--to", to) : null, worlds, types, datasets, holdout, seed);
    }

    private static boolean isNumber(String value) {
        return value != null && value.strip().matches("\\d+");
    }

    private static Instant instant(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            String text = value.strip();
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + ": a global sequence, an ISO instant (2026-01-31T12:00:00Z) or a date (2026-01-31), not " + value);
        }
    }

    /** The progress bar on standard error, moved as events are read. */
    private static final class Bar implements ExportProgress, AutoCloseable {

        private ProgressBar bar;

        @Override
        public void started(long lastSequence) {
            bar = new ProgressBarBuilder().setTaskName("events").setInitialMax(lastSequence + 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build();
        }

        @Override
        public void read(long sequence) {
            bar.stepTo(sequence + 1);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
