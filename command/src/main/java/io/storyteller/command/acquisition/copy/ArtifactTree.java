package io.storyteller.command.acquisition.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model version's files on disk: one file, or a directory of them. Its digest is the SHA-256 of
 * the file itself, or for a directory the SHA-256 of its manifest, one line per regular file in
 * path order: {@code <relative path with '/'>\0<sha256 hex>\n}. So a copy can be verified against
 * its source wherever either lies.
 */
public final class ArtifactTree {

    private ArtifactTree() {
    }

    public static String digest(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return sha256(root);
        }
        MessageDigest manifest = sha256();
        for (Path file : files(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            manifest.update((relative + "\0" + sha256(file) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(manifest.digest());
    }

    public static long size(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return Files.size(root);
        }
        long total = 0;
        for (Path file : files(root)) {
            total += Files.size(file);
        }
        return total;
    }

    /** Copies a file into {@code target} (a new directory), or a directory's files beneath it. */
    public static Path copy(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        if (Files.isRegularFile(source)) {
            Path copied = target.resolve(source.getFileName().toString());
            Files.copy(source, copied);
            return copied;
        }
        for (Path file : files(source)) {
            Path copied = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copied.getParent());
            Files.copy(file, copied);
        }
        return target;
    }

    /** Regular files only, in path order; links are not followed out of the tree. */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
