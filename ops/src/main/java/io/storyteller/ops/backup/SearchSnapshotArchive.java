package io.storyteller.ops.backup;

import io.storyteller.ops.search.snapshot.SearchSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The search indexes in a backup: the running embedded node writes a snapshot of them into a new
 * repository under its {@code path.repo}, the repository's files go into one zip of the backup, and
 * the repository is deleted. A restore unpacks the zip where the application's node finds it at its
 * next start ({@code PendingSearchRestore}).
 */
public final class SearchSnapshotArchive {

    static final String ARCHIVE = "search-snapshot.zip";

    private SearchSnapshotArchive() {
    }

    /** Snapshots the indexes of the node running on {@code nodeHome} into {@code backupDirectory}. */
    static ArchivedSnapshot take(Path nodeHome, Path backupDirectory, TransferProgress progress) throws IOException {
        long started = System.nanoTime();
        String id = "backup-" + UUID.randomUUID();
        Path repository = nodeHome.toAbsolutePath().normalize().resolve(SearchSnapshots.SNAPSHOTS).resolve(id);
        try (SearchSnapshots snapshots = SearchSnapshots.onRunningNode(nodeHome)) {
            List<SearchSnapshots.Part> parts = snapshots.take(repository, id);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(repository)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            progress.table("search indexes", files.stream().mapToLong(SearchSnapshotArchive::size).sum());
            Path zip = backupDirectory.resolve(ARCHIVE);
            long entries = ZipTree.zip(repository, files, zip, progress::moved);
            return new ArchivedSnapshot(ARCHIVE, parts, entries, Files.size(zip), BackupManifest.sha256(zip),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (Files.exists(repository)) {
                EventStoreBackup.deleteQuietly(repository);
            }
        }
    }

    /**
     * Unpacks the archive into a hidden staging folder beside where the application looks for it;
     * {@link #moveIntoPlace} puts it there once the database holds the positions it goes with.
     */
    static Path stage(Path archive, Path dataDir) throws IOException {
        Path parent = Files.createDirectories(SearchSnapshots.pendingDirectory(dataDir).getParent());
        Path staging = Files.createTempDirectory(parent, ".restore-");
        try {
            ZipTree.unzip(archive, staging, file -> true);
        } catch (IOException | RuntimeException e) {
            EventStoreBackup.deleteQuietly(staging);
            throw e;
        }
        return staging;
    }

    /** Replaces any earlier pending snapshot with the staged one, marked complete last. */
    static void moveIntoPlace(Path staging, Path dataDir, ArchivedSnapshot snapshot) throws IOException {
        Path target = SearchSnapshots.pendingDirectory(dataDir);
        if (Files.exists(target)) {
            EventStoreBackup.deleteQuietly(target);
        }
        Files.move(staging, target);
        SearchSnapshots.markPending(target, snapshot.parts());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The search snapshot in a backup.
     *
     * @param file       its zip in the backup's directory
     * @param parts      the snapshots in it, in the order they were taken, with their indexes
     * @param files      files in the zip
     * @param bytes      the zip's size
     * @param sha256     the zip's SHA-256, hex
     * @param tookMillis how long taking and archiving it took
     */
    public record ArchivedSnapshot(String file, List<SearchSnapshots.Part> parts, long files, long bytes, String sha256,
                            long tookMillis) {

        public ArchivedSnapshot {
            parts = List.copyOf(parts);
        }
    }
}
