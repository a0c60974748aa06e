package io.storyteller.ops.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code manifest.json}: what a backup holds and how to check it.
 *
 * @param formatVersion      the layout of the backup ({@link #FORMAT_VERSION})
 * @param schemaVersion      the Flyway version of the database it was taken from
 * @param createdAt          when its snapshot was taken (ISO-8601)
 * @param highestGlobalIndex the highest global index of the events in it (-1 without events)
 * @param tookMillis         how long the backup took
 * @param tables             one file per table (or per part of a table)
 * @param dataFiles          the data directory's model files and signing key ({@link DataFiles}), or null
 * @param readModels         whether it holds the read models and the processors' positions beside the source of truth
 * @param searchSnapshot     the search indexes' snapshot ({@link SearchSnapshotArchive}), or null
 */
public record BackupManifest(int formatVersion, String schemaVersion, String createdAt, long highestGlobalIndex,
                             long tookMillis, List<TableFile> tables, DataFiles.ArchivedFiles dataFiles,
                             boolean readModels, SearchSnapshotArchive.ArchivedSnapshot searchSnapshot) {

    /** 2: the read models, the processors' positions and the search indexes' snapshot may be in it. */
    public static final int FORMAT_VERSION = 2;
    /** The formats this application restores: a format 1 backup is one without read models. */
    private static final List<Integer> READABLE_FORMATS = List.of(1, FORMAT_VERSION);
    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public BackupManifest {
        tables = List.copyOf(tables);
    }

    public long rows(String table) {
        return tables.stream().filter(file -> file.table().equals(table)).mapToLong(TableFile::rows).sum();
    }

    void write(Path directory) throws IOException {
        JSON.writeValue(directory.resolve(FILE).toFile(), this);
    }

    /** The manifest of the backup in {@code directory}, checked against the files beside it. */
    public static BackupManifest readVerified(Path directory) throws IOException {
        BackupManifest manifest;
        try {
            manifest = JSON.readValue(Files.readAllBytes(directory.resolve(FILE)), BackupManifest.class);
        } catch (NoSuchFileException e) {
            throw new BackupRefused("restore: " + directory + " holds no " + FILE + ": it is not a backup, or an unfinished one");
        }
        if (!READABLE_FORMATS.contains(manifest.formatVersion())) {
            throw new BackupRefused("restore: the backup's format version is " + manifest.formatVersion()
                    + ", this application reads format versions " + READABLE_FORMATS);
        }
        for (TableFile file : manifest.tables()) {
            verify(directory, file.file(), file.bytes(), file.sha256());
        }
        if (manifest.dataFiles() != null) {
            verify(directory, manifest.dataFiles().file(), manifest.dataFiles().bytes(), manifest.dataFiles().sha256());
        }
        if (manifest.searchSnapshot() != null) {
            verify(directory, manifest.searchSnapshot().file(), manifest.searchSnapshot().bytes(), manifest.searchSnapshot().sha256());
        }
        return manifest;
    }

    private static void verify(Path directory, String name, long bytes, String expectedSha256) throws IOException {
        Path path = directory.resolve(name).normalize();
        if (!directory.normalize().equals(path.getParent()) || !Files.isRegularFile(path)) {
            throw new BackupRefused("restore: the manifest names " + name + ", which is not a file of the backup");
        }
        String sha256 = sha256(path);
        if (Files.size(path) != bytes || !sha256.equals(expectedSha256)) {
            throw new BackupRefused("restore: " + name + " has SHA-256 " + sha256 + " and " + Files.size(path)
                    + " bytes, the manifest says " + expectedSha256 + " and " + bytes + ": the backup is damaged or was changed");
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
