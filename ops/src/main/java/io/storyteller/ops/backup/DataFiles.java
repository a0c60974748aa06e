package io.storyteller.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a data directory that the event store refers to and nothing can rebuild: the trained
 * and acquired model versions ({@code models/}, which registry events name by version) and the local
 * token issuer's signing key ({@code keys/}, without which every issued token stops working). One zip
 * in the backup. Only files that existed when the database snapshot was taken are archived: a file
 * written later belongs to no event of the backup. Exports ({@code corpora/}) are not included: they
 * are made again from the log.
 */
public final class DataFiles {

    /** The data directory's folders that a backup holds. */
    public static final List<String> FOLDERS = List.of("models", "keys");
    public static final String ARCHIVE = "data-files.zip";

    private DataFiles() {
    }

    /** Archives the folders of {@code dataDir} as they were at {@code snapshotAt}; null when there is none of them. */
    static ArchivedFiles archive(Path dataDir, Instant snapshotAt, Path backupDirectory) throws IOException {
        Path root = dataDir.toAbsolutePath().normalize();
        if (FOLDERS.stream().noneMatch(folder -> Files.isDirectory(root.resolve(folder)))) {
            return null;
        }
        Path zip = backupDirectory.resolve(ARCHIVE);
        List<Path> archived = new ArrayList<>();
        for (String folder : FOLDERS) {
            if (!Files.isDirectory(root.resolve(folder))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root.resolve(folder))) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    if (!Files.getLastModifiedTime(file).toInstant().isAfter(snapshotAt) && !isBeingWritten(root.relativize(file))) {
                        archived.add(file);
                    }
                }
            }
        }
        long entries = ZipTree.zip(root, archived, zip, moved -> { });
        return new ArchivedFiles(ARCHIVE, entries, Files.size(zip), BackupManifest.sha256(zip));
    }

    /**
     * Unpacks the archive into a hidden staging folder of {@code dataDir}; {@link #moveIntoPlace}
     * moves it into the data directory once the database holds the restored log.
     */
    static Path stage(Path archive, Path dataDir) throws IOException {
        Path root = Files.createDirectories(dataDir.toAbsolutePath().normalize());
        Path staging = Files.createTempDirectory(root, ".restore-files-");
        try {
            ZipTree.unzip(archive, staging, file -> FOLDERS.stream().anyMatch(folder -> file.startsWith(staging.resolve(folder))));
        } catch (IOException | RuntimeException e) {
            EventStoreBackup.deleteQuietly(staging);
            throw e;
        }
        return staging;
    }

    /** Moves every staged file to its place in the data directory (a file of the same name is replaced). */
    static void moveIntoPlace(Path staging, Path dataDir) throws IOException {
        Path root = dataDir.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = root.resolve(staging.relativize(file));
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        EventStoreBackup.deleteQuietly(staging);
    }

    /** A house model version is written into a {@code .writing-*} folder and renamed when complete. */
    private static boolean isBeingWritten(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".writing-")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The archive in a backup.
     *
     * @param file   its name in the backup's directory
     * @param files  files in it
     * @param bytes  its size
     * @param sha256 its SHA-256, hex
     */
    public record ArchivedFiles(String file, long files, long bytes, String sha256) {
    }
}
