package io.storyteller.ops.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a logical backup of the source of truth ({@link BackedUpTable#SOURCE_OF_TRUTH}) while the
 * application serves: one {@code REPEATABLE READ, READ ONLY} transaction, so every table is read at
 * the same snapshot (a saga never refers to an event the backup lacks), COPYing each table in
 * PostgreSQL's binary format into a gzip file, then {@code manifest.json}. It is written into a
 * hidden sibling directory and renamed at the end: a directory named as asked is always complete.
 */
public final class EventStoreBackup {

    private final DataSource source;

    public EventStoreBackup(DataSource source) {
        this.source = source;
    }

    /**
     * Backs up into {@code target}, which must not exist yet (or be an empty directory), with the
     * {@link DataFiles} of {@code dataDir} unless it is null, and the {@link BackedUpTable#KEPT_VECTORS}
     * when asked.
     */
    public BackupManifest create(Path target, Path dataDir, boolean keptVectors, TransferProgress progress)
            throws IOException, SQLException {
        Path directory = target.toAbsolutePath().normalize();
        refuseExisting(directory);
        Path parent = Files.createDirectories(directory.getParent());
        Path partial = parent.resolve("." + directory.getFileName() + ".partial-" + UUID.randomUUID());
        Files.createDirectory(partial);
        try {
            List<BackedUpTable> tables = new ArrayList<>(BackedUpTable.SOURCE_OF_TRUTH);
            if (keptVectors) {
                tables.add(BackedUpTable.KEPT_VECTORS);
            }
            BackupManifest manifest = write(partial, tables, dataDir, progress);
            Files.deleteIfExists(directory);
            Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private BackupManifest write(Path directory, List<BackedUpTable> tables, Path dataDir, TransferProgress progress)
            throws IOException, SQLException {
        long started = System.nanoTime();
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                // the first statement of the transaction, so its snapshot is the one every COPY reads
                sql.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                MigrationVersion schema = SchemaLevel.applied(connection);
                // the snapshot exists from the first query on: every file an event of it names was written before now
                Instant snapshotAt = Instant.now();
                if (schema == null) {
                    throw new BackupRefused("backup: the database has no Flyway schema history: the application has never run on it");
                }
                long highestGlobalIndex = highestGlobalIndex(connection);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                List<TableFile> files = new ArrayList<>();
                for (BackedUpTable table : tables) {
                    files.add(copyOut(connection, copy, table, directory, progress));
                }
                DataFiles.ArchivedFiles dataFiles = dataDir == null ? null : DataFiles.archive(dataDir, snapshotAt, directory);
                BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, schema.getVersion(),
                        snapshotAt.toString(), highestGlobalIndex, (System.nanoTime() - started) / 1_000_000, files, dataFiles);
                manifest.write(directory);
                return manifest;
            } finally {
                connection.rollback();
            }
        }
    }

    private static TableFile copyOut(Connection connection, CopyManager copy, BackedUpTable table, Path directory,
                                     TransferProgress progress) throws IOException, SQLException {
        long started = System.nanoTime();
        List<String> columns = columns(connection, table.name());
        progress.table(table.name(), estimatedBytes(connection, table.name()));
        Path file = directory.resolve(table.file());
        MessageDigest digest = BackupManifest.digest();
        long rows;
        try (OutputStream out = CountingStreams.counting(new FastGzip(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), digest)), progress::moved)) {
            rows = copy.copyOut("COPY (" + table.rows(columns) + ") TO STDOUT (FORMAT binary)", out);
        }
        return new TableFile(table.name(), table.file(), columns, table.filter(), rows, Files.size(file),
                HexFormat.of().formatHex(digest.digest()), (System.nanoTime() - started) / 1_000_000);
    }

    static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new BackupRefused("backup: the database has no table " + table + ": the application has not migrated it");
        }
        return columns;
    }

    private static long highestGlobalIndex(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT coalesce(max(globalindex), -1) FROM " + BackedUpTable.EVENTS)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The table's size on disk, TOAST included: about what its binary COPY writes. */
    private static long estimatedBytes(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_table_size(?::regclass)")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void refuseExisting(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isEmpty()) {
                    return;
                }
            }
        }
        if (Files.exists(directory)) {
            throw new BackupRefused("backup: " + directory + " already exists: a backup goes into a new or empty directory");
        }
    }

    static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // what is left is a hidden ".partial-" directory, never mistaken for a backup
        }
    }

    /** gzip at the fastest level: the payloads are JSON, which compresses well even so, and the backup stays I/O-bound. */
    private static final class FastGzip extends GZIPOutputStream {

        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
