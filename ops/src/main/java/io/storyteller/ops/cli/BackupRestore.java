package io.storyteller.ops.cli;

import io.storyteller.ops.backup.BackupManifest;
import io.storyteller.ops.backup.BackupRefused;
import io.storyteller.ops.backup.DataDirectoryCluster;
import io.storyteller.ops.backup.EventStoreRestore;
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
 * {@code storyteller backup restore --from DIR}: into the configured PostgreSQL, or into the embedded
 * cluster of a data directory no server runs on (a new one is created). The server's next start on
 * that database rebuilds the read models and search indexes from the restored log, or, from a backup
 * with the read models, goes on from where the backup found them.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup into a database whose event store is empty, or into a new data directory.")
class BackupRestore implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, description = "The backup's directory.")
    Path from;

    @Option(names = "--db-url", defaultValue = "${env:SPRING_DATASOURCE_URL}", description = "JDBC URL (default: SPRING_DATASOURCE_URL; else the embedded database of --data-dir).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:SPRING_DATASOURCE_USERNAME}", description = "Database user (default: SPRING_DATASOURCE_USERNAME).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:SPRING_DATASOURCE_PASSWORD}", description = "Database password (default: SPRING_DATASOURCE_PASSWORD).")
    String dbPassword;

    @Option(names = "--data-dir", defaultValue = "${env:STORYTELLER_DATA_DIR:-./data}", description = "The data directory to restore into: its embedded database when no URL is given (no server may run on it), "
            + "and the model files and signing key (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", defaultValue = "${env:STORYTELLER_EMBEDDED_POSTGRES_DATABASE:-storyteller}",
            description = "The embedded database's name (default: ${DEFAULT-VALUE}).")
    String embeddedDatabase;

    @Option(names = "--no-files", description = "Leave the backup's model files and signing key out of the data directory.")
    boolean noFiles;

    @Option(names = "--rebuild", description = "Restore only the source of truth: the server rebuilds the read models and "
            + "search indexes from the log, even from a backup that holds them.")
    boolean rebuild;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            // a damaged or foreign backup is refused before any database is touched or created
            BackupManifest manifest = BackupManifest.readVerified(from.toAbsolutePath().normalize());
            if (dbUrl != null && !dbUrl.isBlank()) {
                LogDatabase database = LogDatabase.external(dbUrl, dbUser, dbPassword);
                err.println("Restoring into " + database.description());
                restore(new EventStoreRestore(database.dataSource()), manifest);
            } else {
                err.println("Restoring into the embedded database under " + dataDir.toAbsolutePath().normalize());
                try (DataDirectoryCluster cluster = DataDirectoryCluster.start(dataDir, embeddedDatabase)) {
                    restore(new EventStoreRestore(cluster.dataSource()), manifest);
                }
            }
            if (manifest.dataFiles() != null && !noFiles) {
                out.printf("%d model files and keys restored under %s%n", manifest.dataFiles().files(), dataDir);
            }
            out.printf("restored %d events (up to global index %d) of schema version %s, taken at %s.%n",
                    manifest.rows("domainevententry"), manifest.highestGlobalIndex(), manifest.schemaVersion(), manifest.createdAt());
            if (manifest.readModels() && !rebuild) {
                out.printf("Start the server on it: its processors go on from the read models' positions in the backup%s.%n",
                        manifest.searchSnapshot() == null ? "; the search indexes are rebuilt from the log"
                                : ", and it restores the search indexes (" + manifest.searchSnapshot().bytes() + " bytes) as it starts");
            } else {
                out.println("Start the server on it: its processors rebuild the read models and search indexes from the log.");
            }
            out.flush();
            return 0;
        } catch (BackupRefused e) {
            err.println(e.getMessage());
            return BackupCli.REFUSED;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("restore failed, nothing was restored: " + e.getMessage());
            return 1;
        }
    }

    private void restore(EventStoreRestore restore, BackupManifest manifest) throws IOException, SQLException {
        try (TransferBar bar = new TransferBar()) {
            restore.restore(from, manifest, new EventStoreRestore.Into(dataDir, !noFiles, rebuild), bar);
        }
    }
}
