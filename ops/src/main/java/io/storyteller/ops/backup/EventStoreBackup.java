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
        return create(target, dataDir, keptVectors ? Contents.KEPT_VECTORS : Contents.SOURCE_OF_TRUTH, progress);
    }

    /** Backs up {@code contents} into {@code target}, as {@link #create(Path, Path, boolean, TransferProgress)}. */
    public BackupManifest create(Path target, Path dataDir, Contents contents, TransferProgress progress)
            throws IOException, SQLException {
        Path directory = target.toAbsolutePath().normalize();
        refuseExisting(directory);
        Path parent = Files.createDirectories(directory.getParent());
        Path partial = parent.resolve("." + directory.getFileName() + ".partial-" + UUID.randomUUID());
        Files.createDirectory(partial);
        try {
            BackupManifest manifest = write(partial, contents, dataDir, progress);
            Files.deleteIfExists(directory);
            Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private BackupManifest write(Path directory, Contents contents, Path dataDir, TransferProgress progress)
            throws IOException, SQLException {
        long started = System.nanoTime();
        List<TableFile> files = new ArrayList<>();
        SearchSnapshotArchive.ArchivedSnapshot searchSnapshot = null;
        if (contents.readModels() && contents.searchNode() != null) {
            // the search indexes' positions first, then their snapshot, then everything else: the
            // indexes hold every event up to those positions and none the backup's log lacks
            files.add(searchPositions(directory, progress));
            searchSnapshot = SearchSnapshotArchive.take(contents.searchNode(), directory, progress);
        }
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
                for (BackedUpTable table : tables(connection, contents)) {
                    files.add(copyOut(connection, copy, table, directory, progress));
                }
                DataFiles.ArchivedFiles dataFiles = dataDir == null ? null : DataFiles.archive(dataDir, snapshotAt, directory);
                BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, schema.getVersion(),
                        snapshotAt.toString(), highestGlobalIndex, (System.nanoTime() - started) / 1_000_000, files, dataFiles,
                        contents.readModels(), searchSnapshot);
                manifest.write(directory);
                return manifest;
            } finally {
                connection.rollback();
            }
        }
    }

    private static List<BackedUpTable> tables(Connection connection, Contents contents) throws SQLException {
        if (contents.readModels()) {
            return BackedUpTable.withReadModels(schemaTables(connection));
        }
        List<BackedUpTable> tables = new ArrayList<>(BackedUpTable.SOURCE_OF_TRUTH);
        if (contents.keptVectors()) {
            tables.add(BackedUpTable.KEPT_VECTORS);
        }
        return tables;
    }

    /** The search processors' positions, in a transaction of their own, before the indexes' snapshot. */
    private TableFile searchPositions(Path directory, TransferProgress progress) throws IOException, SQLException {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return copyOut(connection, connection.unwrap(PGConnection.class).getCopyAPI(), BackedUpTable.SEARCH_TOKENS,
                        directory, progress);
            } finally {
                connection.rollback();
            }
        }
    }

    /** Every table of the schema, by name. */
    private static List<String> schemaTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
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

    /**
     * What a backup holds.
     *
     * @param keptVectors the embedders' vectors beside the source of truth
     * @param readModels  every table (read models, caches and every processor's position) beside the source of truth
     * @param searchNode  with the read models: the directory of the running embedded OpenSearch node whose
     *                    indexes are snapshot into the backup, or null to leave them to be rebuilt
     */
    public record Contents(boolean keptVectors, boolean readModels, Path searchNode) {

        public static final Contents SOURCE_OF_TRUTH = new Contents(false, false, null);
        public static final Contents KEPT_VECTORS = new Contents(true, false, null);

        /** Everything: the read models, and the search indexes of the node running on {@code searchNode} unless null. */
        public static Contents withReadModels(Path searchNode) {
            return new Contents(true, true, searchNode);
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
