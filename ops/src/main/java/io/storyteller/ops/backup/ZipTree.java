package io.storyteller.ops.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Files of a directory into one zip of a backup, and back, keeping their paths and modification times. */
final class ZipTree {

    private ZipTree() {
    }

    /**
     * Writes {@code files} (regular files under {@code root}) into {@code zip}, each named by its path
     * relative to {@code root}, compressed at the fastest level.
     *
     * @return how many files it holds
     */
    static long zip(Path root, List<Path> files, Path zip, LongConsumer moved) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(CountingStreams.counting(
                new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16), moved))) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(root.relativize(file).toString().replace('\\', '/'));
                entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return files.size();
    }

    /**
     * Unpacks {@code zip} into {@code target}; an entry that would land outside it, or that
     * {@code allowed} refuses (given its path under {@code target}), refuses the archive.
     */
    static void unzip(Path zip, Path target, Predicate<Path> allowed) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target) || file.equals(target) || !allowed.test(file)) {
                    throw new BackupRefused("restore: " + zip.getFileName() + " holds " + entry.getName()
                            + ", which does not belong there");
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    in.transferTo(out);
                }
                FileTime modified = entry.getLastModifiedTime();
                if (modified != null) {
                    Files.setLastModifiedTime(file, modified);
                }
            }
        }
    }
}
