package io.storyteller.ops.cli;

import io.storyteller.ops.backup.BackupManifest;
import io.storyteller.ops.backup.BackupRefused;
import io.storyteller.ops.backup.EventStoreBackup;
import io.storyteller.ops.backup.TableFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storyteller backup create --to DIR}: reads the configured PostgreSQL, or the embedded one of
 * the running server, at one snapshot while the server goes on serving.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Write a backup of the events, snapshots, sagas, dead letters and deadlines (and with --with-read-models "
                + "the read models and search indexes) into a new directory.")
class BackupCreate implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, description = "The backup's directory (absent or empty).")
    Path to;

    @Option(names = "--db-url", defaultValue = "${env:SPRING_DATASOURCE_URL}", description = "JDBC URL (default: SPRING_DATASOURCE_URL; else the running server's embedded database).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:SPRING_DATASOURCE_USERNAME}", description = "Database user (default: SPRING_DATASOURCE_USERNAME).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:SPRING_DATASOURCE_PASSWORD}", description = "Database password (default: SPRING_DATASOURCE_PASSWORD).")
    String dbPassword;

    @Option(names = "--data-dir", defaultValue = "${env:STORYTELLER_DATA_DIR:-./data}", description = "The server's data directory: its embedded database (when no URL is given), model files and signing key (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", defaultValue = "${env:STORYTELLER_EMBEDDED_POSTGRES_DATABASE:-storyteller}",
            description = "The embedded database's name (default: ${DEFAULT-VALUE}).")
    String embeddedDatabase;

    @Option(names = "--no-files", description = "Leave out the data directory's model files and signing key (models/, keys/).")
    boolean noFiles;

    @Option(names = "--with-vectors", description = "Also keep the embedders' vectors (embedding_vectors): a cache, "
            + "but the search indexes then rebuild several times faster after a restore.")
    boolean withVectors;

    @Option(names = "--with-read-models", description = "Also keep every read model with its processor's position, and a "
            + "snapshot of the embedded OpenSearch's indexes: a restored server goes on from there instead of rebuilding them.")
    boolean withReadModels;

    @Option(names = "--search-home", description = "With --with-read-models: the running embedded OpenSearch node's "
            + "directory (default: <data-dir>/opensearch).")
    Path searchHome;

    @Option(names = "--no-search-snapshot", description = "With --with-read-models: leave the search indexes out; "
            + "they are rebuilt from the log after a restore (for a server on an external OpenSearch).")
    boolean noSearchSnapshot;

    private EventStoreBackup.Contents contents() {
        if (!withReadModels) {
            if (searchHome != null || noSearchSnapshot) {
                throw new BackupRefused("backup: --search-home and --no-search-snapshot go with --with-read-models");
            }
            return withVectors ? EventStoreBackup.Contents.KEPT_VECTORS : EventStoreBackup.Contents.SOURCE_OF_TRUTH;
        }
        if (noSearchSnapshot) {
            return EventStoreBackup.Contents.withReadModels(null);
        }
        return EventStoreBackup.Contents.withReadModels(searchHome != null ? searchHome : dataDir.resolve("opensearch"));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LogDatabase database = LogDatabase.open(dbUrl, dbUser, dbPassword, dataDir, embeddedDatabase);
            err.println("Backing up " + database.description());
            BackupManifest manifest;
            try (TransferBar bar = new TransferBar()) {
                manifest = new EventStoreBackup(database.dataSource()).create(to, noFiles ? null : dataDir, contents(), bar);
            }
            out.printf("backup of schema version %s, events up to global index %d, in %s (%.1f s):%n",
                    manifest.schemaVersion(), manifest.highestGlobalIndex(), to, manifest.tookMillis() / 1000.0);
            for (TableFile file : manifest.tables()) {
                out.printf("  %-22s %10d rows %14d bytes  %s%n", file.table(), file.rows(), file.bytes(), file.sha256());
            }
            if (manifest.searchSnapshot() != null) {
                var search = manifest.searchSnapshot();
                out.printf("  %-22s %10d files%13d bytes  %s (%s)%n", search.file(), search.files(), search.bytes(), search.sha256(),
                        String.join(", ", search.parts().stream().flatMap(part -> part.indices().stream()).toList()));
            }
            if (manifest.dataFiles() != null) {
                out.printf("  %-22s %10d files%13d bytes  %s%n", manifest.dataFiles().file(), manifest.dataFiles().files(),
                        manifest.dataFiles().bytes(), manifest.dataFiles().sha256());
            } else {
                out.println("  no model files or signing key (no models/ or keys/ under " + dataDir + ")");
            }
            out.flush();
            return 0;
        } catch (BackupRefused e) {
            err.println(e.getMessage());
            return BackupCli.REFUSED;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("backup failed: " + e.getMessage());
            return 1;
        }
    }
}
