package io.storyteller.ops.benchmark;

import io.storyteller.command.corpus.CorpusExporter;
import io.storyteller.command.corpus.CorpusManifest;
import io.storyteller.command.corpus.ExportProgress;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.ops.StorytellerProperties;
import io.storyteller.ops.cli.LogEventStore;
import io.storyteller.ops.postgres.EmbeddedPostgresServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Corpus export rate: an embedded PostgreSQL with only Axon's event table (the application's own
 * migration), filled with {@code -Dbench.events} events of played stories ({@link CorpusLog}), then
 * exported as the CLI does it ({@link LogEventStore}, {@link CorpusExporter}, every dataset, 10%
 * holdout) and timed. No server needed:
 * {@code mvn -o -q -pl ops test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.storyteller.ops.benchmark.CorpusExportBenchmark -Dbench.events=1000000}.
 * The database goes under {@code -Dbench.dir} (default {@code ops/target/corpus-benchmark}), made afresh.
 */
public final class CorpusExportBenchmark {

    private CorpusExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("bench.events", 1_000_000L);
        Path directory = Path.of(System.getProperty("bench.dir", "ops/target/corpus-benchmark")).toAbsolutePath();
        deleteRecursively(directory);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"),
                new StorytellerProperties.EmbeddedPostgres(0, "storyteller", Duration.ofSeconds(120)))) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(postgres.getJdbcUrl() + "?reWriteBatchedInserts=true");
            dataSource.setUser(postgres.getUsername());
            createEventTable(dataSource);

            long t0 = System.nanoTime();
            long written = new CorpusLog().append(dataSource, events);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("appended %,d events in %.1f s (%,.0f events/s); table %s%n", written, loadSeconds,
                    written / loadSeconds, tableSize(dataSource));

            EmbeddedEventStore store = LogEventStore.open(dataSource);
            try {
                CorpusSelection selection = new CorpusSelection(null, null, null, null, List.of(), List.of(), List.of(), 0.1, 7);
                System.gc();
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t1 = System.nanoTime();
                CorpusManifest manifest = new CorpusExporter(store).export(selection, directory.resolve("export"), ExportProgress.NONE);
                double exportSeconds = (System.nanoTime() - t1) / 1e9;
                double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
                Runtime runtime = Runtime.getRuntime();
                System.out.printf("exported %,d events in %.1f s: %,.0f events/s; exporter JVM CPU %.1f s (%,.0f events per CPU-second);"
                        + " load average %.1f on %d cores (heap in use after: %d MB of max %d MB)%n",
                        manifest.eventsRead(), exportSeconds, manifest.eventsRead() / exportSeconds, cpuSeconds,
                        manifest.eventsRead() / cpuSeconds, os.getSystemLoadAverage(), os.getAvailableProcessors(),
                        (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
                for (CorpusFile file : manifest.files()) {
                    System.out.printf("  %-28s %,10d records  %,12d bytes%n", file.name(), file.records(),
                            Files.size(directory.resolve("export").resolve(file.name())));
                }
                System.out.printf("duplicates dropped %s; digest %s%n", manifest.duplicates(), manifest.digest());
            } finally {
                store.shutDown();
            }
        }
    }

    private static void createEventTable(DataSource dataSource) throws Exception {
        String sql;
        try (InputStream migration = CorpusExportBenchmark.class.getResourceAsStream("/db/migration/V1__axon_event_store.sql")) {
            sql = new String(migration.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            // The load is a benchmark's setup, not a write path: no fsync per batch.
            statement.execute("ALTER DATABASE storyteller SET synchronous_commit = off");
        }
    }

    private static String tableSize(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet size = statement.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('domainevententry'))")) {
            size.next();
            return size.getString(1);
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
