package io.storyteller.ops.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL of a data directory that no application runs, started for a restore: the
 * same cluster layout ({@code <data-dir>/postgres}), superuser and database the application's
 * embedded server uses, so the application starts on it afterwards as on its own. (The application's
 * server class is bound to its Spring settings; the command-line tools stay below it.)
 */
public final class DataDirectoryCluster implements Closeable {

    /** The lock file zonky's EmbeddedPostgres holds while an application runs the cluster. */
    private static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final String database;

    private DataDirectoryCluster(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** Starts (creating on first use) the cluster under {@code dataDir/postgres} with {@code database} in it. */
    public static DataDirectoryCluster start(Path dataDir, String database) throws IOException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new BackupRefused("restore: the database name must be a plain lower-case identifier, was " + database);
        }
        Path cluster = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(cluster);
        refuseIfServed(cluster);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "localhost")
                // the restore's one transaction is durable when it reports success
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(Redirect.appendTo(cluster.resolveSibling("postgres.log").toFile()))
                .setErrorRedirector(Redirect.appendTo(cluster.resolveSibling("postgres.log").toFile()))
                .start();
        DataDirectoryCluster started = new DataDirectoryCluster(postgres, database);
        try {
            started.createDatabaseIfMissing();
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("could not create database " + database + " under " + cluster, e);
        }
        return started;
    }

    public DataSource dataSource() {
        return postgres.getDatabase("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        }
    }

    private static void refuseIfServed(Path cluster) throws IOException {
        if (!Files.exists(cluster.resolve(LOCK_FILE))) {
            // never served (initdb wants an empty directory: no lock file is made here)
            return;
        }
        try (FileChannel channel = FileChannel.open(cluster.resolve(LOCK_FILE), StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw served(cluster);
            }
        } catch (OverlappingFileLockException e) {
            throw served(cluster);
        }
    }

    private static BackupRefused served(Path cluster) {
        return new BackupRefused("restore: an application is running on " + cluster
                + ": stop it, or restore into a new --data-dir");
    }
}
