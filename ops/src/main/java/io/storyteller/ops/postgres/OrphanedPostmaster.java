package io.storyteller.ops.postgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running by an application that was killed (pg_ctl starts it detached).
 * It would keep the data directory busy and make the next start fail, so it is stopped first,
 * but only when no live application holds the directory's lock.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    /** The lock file zonky's EmbeddedPostgres holds while it runs a cluster. */
    private static final String LOCK_FILE = "epg-lock";
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDirectory);
            }
            postmaster(pidFile).ifPresent(OrphanedPostmaster::stop);
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
    }

    private static void stop(ProcessHandle postmaster) {
        log.warn("Stopping PostgreSQL (pid {}) left running by a previous run", postmaster.pid());
        // SIGTERM: PostgreSQL's smart shutdown; its clients died with the previous application.
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Orphaned PostgreSQL (pid " + postmaster.pid() + ") did not stop", e);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException("PostgreSQL data directory " + dataDirectory
                + " is in use by another running Storyteller; stop it or choose another storyteller.data-dir");
    }
}
