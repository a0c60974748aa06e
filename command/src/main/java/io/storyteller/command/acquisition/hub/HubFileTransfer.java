package io.storyteller.command.acquisition.hub;

import io.storyteller.command.endpoint.NetworkFailures;
import io.storyteller.domain.acquisition.HubFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * Fetches one file into {@code <file>.part} and moves it into place when complete. A {@code .part}
 * left by a cut connection is resumed with a Range request; a Hub that ignores the range (200)
 * sends the whole file again, which replaces the part. Checking the content is the verifier's job.
 */
final class HubFileTransfer {

    private final HubClient client;

    HubFileTransfer(HubClient client) {
        this.client = client;
    }

    /** @param progress told the bytes of this file on disk so far */
    void fetch(String repo, String commit, HubFile file, Path target, LongConsumer progress) {
        if (Files.isRegularFile(target) && size(target) == file.sizeBytes()) {
            progress.accept(file.sizeBytes());
            return;
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            long offset = Files.isRegularFile(part) ? Files.size(part) : 0;
            if (offset > file.sizeBytes()) {
                Files.delete(part);
                offset = 0;
            }
            if (offset < file.sizeBytes() || file.sizeBytes() == 0) {
                offset = transfer(client.open(repo, commit, file, offset), part, offset, progress);
            }
            if (offset != file.sizeBytes()) {
                throw new HubUnavailableException("the download of " + file.path() + " ended at " + offset + " of "
                        + file.sizeBytes() + " bytes", true);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new HubUnavailableException("the download of " + file.path() + " was cut off ("
                    + NetworkFailures.reason(e) + "); it resumes at the next attempt", true);
        }
    }

    /** Appends the answer to the part (206) or replaces it (200); answers the part's size. */
    private static long transfer(HttpResponse<InputStream> response, Path part, long offset, LongConsumer progress)
            throws IOException {
        boolean resumed = response.statusCode() == 206;
        if (offset > 0 && resumed && !response.headers().firstValue("Content-Range").orElse("")
                .startsWith("bytes " + offset + "-")) {
            response.body().close();
            throw new HubUnavailableException("the Hub resumed at another offset than asked", true);
        }
        long written = resumed ? offset : 0;
        StandardOpenOption mode = resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                written += read;
                progress.accept(written);
            }
        }
        return written;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
