package io.storyteller.ops.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a backup into a database whose event store is empty: the manifest and every checksum are
 * verified first, the schema is migrated up to the backup's level, and all tables are loaded in one
 * transaction with the sequences moved past the restored maxima. A failure anywhere leaves the
 * target as it was (at most its schema migrated). The application's next start then rebuilds every
 * read model and search index from the log: their processors find no token and replay from the start.
 */
public final class EventStoreRestore {

    private final DataSource target;

    public EventStoreRestore(DataSource target) {
        this.target = target;
    }

    /**
     * Restores the backup in {@code backup}; its {@link DataFiles} go into {@code dataDir} once the
     * database holds the log (left out when {@code dataDir} is null).
     */
    public BackupManifest restore(Path backup, Path dataDir, TransferProgress progress) throws IOException, SQLException {
        return restore(backup, BackupManifest.readVerified(backup.toAbsolutePath().normalize()), dataDir, progress);
    }

    /** As {@link #restore(Path, Path, TransferProgress)}, with the manifest already {@linkplain BackupManifest#readVerified verified}. */
    public BackupManifest restore(Path backup, BackupManifest manifest, Path dataDir, TransferProgress progress)
            throws IOException, SQLException {
        Path directory = backup.toAbsolutePath().normalize();
        MigrationVersion level = MigrationVersion.fromVersion(manifest.schemaVersion());
        MigrationVersion newest = SchemaLevel.newestKnown(target);
        if (level.isNewerThan(newest)) {
            throw new BackupRefused("restore: the backup's schema version " + level + " is newer than this application's newest"
                    + " migration " + newest + ": restore with the application version that wrote it, or a newer one");
        }
        try (Connection connection = target.getConnection()) {
            refuseNonEmpty(connection);
            MigrationVersion applied = SchemaLevel.applied(connection);
            if (applied == null || level.isNewerThan(applied)) {
                SchemaLevel.migrateTo(target, level);
            }
            Path staged = manifest.dataFiles() == null || dataDir == null ? null
                    : DataFiles.stage(directory.resolve(manifest.dataFiles().file()), dataDir);
            connection.setAutoCommit(false);
            try {
                load(connection, directory, manifest, progress);
                connection.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                if (staged != null) {
                    EventStoreBackup.deleteQuietly(staged);
                }
                throw e;
            }
            if (staged != null) {
                DataFiles.moveIntoPlace(staged, dataDir);
            }
        }
        return manifest;
    }

    private static void load(Connection connection, Path directory, BackupManifest manifest, TransferProgress progress)
            throws IOException, SQLException {
        try (Statement sql = connection.createStatement()) {
            for (TableFile file : manifest.tables()) {
                // no application may write between the check and the load
                sql.execute("LOCK TABLE " + file.table() + " IN ACCESS EXCLUSIVE MODE");
            }
        }
        refuseNonEmpty(connection);
        refuseRunningApplication(connection);
        try (Statement sql = connection.createStatement()) {
            // the target's own positions belong to a log it no longer has
            sql.execute("DELETE FROM " + BackedUpTable.TOKENS);
            if (manifest.tables().stream().anyMatch(file -> file.table().equals(BackedUpTable.KEPT_VECTORS.name()))) {
                // a cache of the target's own (empty) history; the backup's replaces it
                sql.execute("DELETE FROM " + BackedUpTable.KEPT_VECTORS.name());
            }
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (TableFile file : manifest.tables()) {
            progress.table(file.table(), file.bytes());
            try (InputStream in = new GZIPInputStream(CountingStreams.counting(
                    new BufferedInputStream(Files.newInputStream(directory.resolve(file.file())), 1 << 16), progress::moved),
                    1 << 16)) {
                long rows = copy.copyIn("COPY " + file.table() + " (" + String.join(", ", file.columns())
                        + ") FROM STDIN (FORMAT binary)", in);
                if (rows != file.rows()) {
                    throw new BackupRefused("restore: " + file.file() + " held " + rows + " rows, the manifest says " + file.rows());
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            // claims of the instances that took the backup: released, so this one's processors and scheduler take over
            sql.execute("UPDATE " + BackedUpTable.TOKENS + " SET owner = NULL");
            sql.execute("UPDATE scheduled_tasks SET picked = false, picked_by = NULL, last_heartbeat = NULL");
        }
        moveSequencesPastRestoredRows(connection, manifest);
    }

    /** Every sequence feeding a restored column (the events' global index, the associations' ids) starts past the restored maximum. */
    private static void moveSequencesPastRestoredRows(Connection connection, BackupManifest manifest) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname, pg_get_serial_sequence(?, a.attname)"
                + " FROM pg_attribute a WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped")) {
            for (TableFile file : manifest.tables()) {
                query.setString(1, file.table());
                query.setString(2, file.table());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getString(2) != null) {
                            owned.add(new String[] {file.table(), rows.getString(1), rows.getString(2)});
                        }
                    }
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (String[] column : owned) {
                // setval(seq, n, false): the next value handed out is n
                sql.execute("SELECT setval('" + column[2] + "', coalesce((SELECT max(" + column[1] + ") FROM " + column[0]
                        + "), 0) + 1, false)");
            }
        }
    }

    private static void refuseNonEmpty(Connection connection) throws SQLException {
        for (BackedUpTable table : BackedUpTable.SOURCE_OF_TRUTH) {
            if (table.name().equals(BackedUpTable.TOKENS)) {
                continue;
            }
            try (Statement sql = connection.createStatement();
                 ResultSet exists = sql.executeQuery("SELECT to_regclass('" + table.name() + "') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    continue;
                }
            }
            try (Statement sql = connection.createStatement();
                 ResultSet any = sql.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table.name() + ")")) {
                any.next();
                if (any.getBoolean(1)) {
                    throw new BackupRefused("restore: the target's event store is not empty (" + table.name()
                            + " holds rows): a backup is restored only into an empty database or a new data directory");
                }
            }
        }
    }

    private static void refuseRunningApplication(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet claimed = sql.executeQuery("SELECT processorname FROM " + BackedUpTable.TOKENS
                     // a claim a crashed instance left behind is not refreshed and goes stale
                     + " WHERE owner IS NOT NULL AND timestamp::timestamptz > now() - interval '1 minute' LIMIT 1")) {
            if (claimed.next()) {
                throw new BackupRefused("restore: an application is running on the target (processor " + claimed.getString(1)
                        + " holds a claim): stop it before restoring");
            }
        }
    }
}
