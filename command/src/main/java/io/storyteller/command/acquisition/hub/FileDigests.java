package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.HubFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The digests the Hub names files by, computed from the files on disk. */
final class FileDigests {

    private FileDigests() {
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = algorithm("SHA-256");
        return hex(digest, file);
    }

    /** git's blob id: SHA-1 of {@code "blob <size>\0"} followed by the content. */
    static String gitBlobId(Path file) throws IOException {
        MessageDigest digest = algorithm("SHA-1");
        digest.update(("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
        return hex(digest, file);
    }

    /** The version's digest: SHA-256 of one {@code <digest>  <size>  <path>} line per file, sorted by path. */
    static String manifest(List<HubFile> files) {
        MessageDigest digest = algorithm("SHA-256");
        files.stream().sorted(Comparator.comparing(HubFile::path)).forEach(file -> digest.update(
                ((file.sha256() != null ? file.sha256() : file.blobId()) + "  " + file.sizeBytes() + "  " + file.path()
                        + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String hex(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest algorithm(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every JDK", e);
        }
    }
}
