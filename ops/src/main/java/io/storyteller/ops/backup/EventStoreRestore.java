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
 * target as it was (at most its schema migrated). From a backup of the source of truth, the
 * application's next start rebuilds every read model and search index from the log: their
 * processors find no token and replay from the start. From a backup with the read models, they are
 * loaded with their processors' positions, and the search indexes' snapshot is put where the next
 * start restores it: the processors go on from where the backup found them.
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
        return restore(backup, manifest, new Into(dataDir, dataDir != null, false), progress);
    }

    /** Restores the backup, with {@linkplain BackupManifest#readVerified verified} {@code manifest}, as {@code into} says. */
    public BackupManifest restore(Path backup, BackupManifest manifest, Into into, TransferProgress progress)
            throws IOException, SQLException {
        Path directory = backup.toAbsolutePath().normalize();
        MigrationVersion level = MigrationVersion.fromVersion(manifest.schemaVersion());
        MigrationVersion newest = SchemaLevel.newestKnown(target);
        if (level.isNewerThan(newest)) {
            throw new BackupRefused("restore: the backup's schema version " + level + " is newer than this application's newest"
                    + " migration " + newest + ": restore with the application version that wrote it, or a newer one");
        }
        // the search indexes come back only with their positions, and only where the application will find them
        boolean searchIndexes = manifest.searchSnapshot() != null && !into.rebuild() && into.dataDir() != null;
        List<TableFile> loaded = manifest.tables().stream().filter(file -> loads(file, into, searchIndexes)).toList();
        try (Connection connection = target.getConnection()) {
            refuseNonEmpty(connection);
            MigrationVersion applied = SchemaLevel.applied(connection);
            if (applied == null || level.isNewerThan(applied)) {
                SchemaLevel.migrateTo(target, level);
            }
            Path staged = manifest.dataFiles() == null || !into.files() || into.dataDir() == null ? null
                    : DataFiles.stage(directory.resolve(manifest.dataFiles().file()), into.dataDir());
            Path stagedSearch = null;
            connection.setAutoCommit(false);
            try {
                if (searchIndexes) {
                    stagedSearch = SearchSnapshotArchive.stage(directory.resolve(manifest.searchSnapshot().file()), into.dataDir());
                }
                load(connection, directory, loaded, progress);
                if (into.rebuild()) {
                    try (Statement sql = connection.createStatement()) {
                        // only the sagas' positions stay: every other processor reads the log from its start
                        sql.execute("DELETE FROM " + BackedUpTable.TOKENS + " WHERE NOT (" + BackedUpTable.SAGA_PROCESSORS + ")");
                    }
                }
                connection.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                if (staged != null) {
                    EventStoreBackup.deleteQuietly(staged);
                }
                if (stagedSearch != null) {
                    EventStoreBackup.deleteQuietly(stagedSearch);
                }
                throw e;
            }
            if (staged != null) {
                DataFiles.moveIntoPlace(staged, into.dataDir());
            }
            if (stagedSearch != null) {
                SearchSnapshotArchive.moveIntoPlace(stagedSearch, into.dataDir(), manifest.searchSnapshot());
            }
        }
        return manifest;
    }

    /** Whether a restore as {@code into} says loads the file: a rebuild takes only the source of truth. */
    private static boolean loads(TableFile file, Into into, boolean searchIndexes) {
        if (BackedUpTable.SEARCH_TOKENS.file().equals(file.file())) {
            return searchIndexes;
        }
        return !into.rebuild() || BackedUpTable.sourceOfTruth(file.table());
    }

    private static void load(Connection connection, Path directory, List<TableFile> loaded, TransferProgress progress)
            throws IOException, SQLException {
        List<String> tables = loaded.stream().map(TableFile::table).distinct().toList();
        try (Statement sql = connection.createStatement()) {
            for (String table : tables) {
                // no application may write between the check and the load
                sql.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
        }
        refuseNonEmpty(connection);
        refuseRunningApplication(connection);
        try (Statement sql = connection.createStatement()) {
            // the target's own positions belong to a log it no longer has
            sql.execute("DELETE FROM " + BackedUpTable.TOKENS);
            for (String table : tables) {
                if (!BackedUpTable.sourceOfTruth(table)) {
                    // read models and caches of the target's own (empty) history; the backup's replace them
                    sql.execute("DELETE FROM " + table);
                }
            }
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (TableFile file : loaded) {
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
        moveSequencesPastRestoredRows(connection, tables);
    }

    /** Every sequence feeding a restored column (the events' global index, the associations' ids) starts past the restored maximum. */
    private static void moveSequencesPastRestoredRows(Connection connection, List<String> tables) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname, pg_get_serial_sequence(?, a.attname)"
                + " FROM pg_attribute a WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped")) {
            for (String table : tables) {
                query.setString(1, table);
                query.setString(2, table);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getString(2) != null) {
                            owned.add(new String[] {table, rows.getString(1), rows.getString(2)});
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

    /**
     * Where and how a backup is restored.
     *
     * @param dataDir the data directory the application will run on: the model files go there (with
     *                {@code files}) and the search indexes' snapshot, if the backup has one; null for neither
     * @param files   whether the model files and signing key are restored
     * @param rebuild whether only the source of truth is restored, the read models and search indexes
     *                to be rebuilt from the log, even from a backup that holds them
     */
    public record Into(Path dataDir, boolean files, boolean rebuild) {
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
