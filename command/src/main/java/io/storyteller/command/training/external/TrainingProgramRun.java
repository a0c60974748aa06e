package io.storyteller.command.training.external;

import io.storyteller.command.training.TrainingFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the training program: started without a shell in its working directory with only the
 * environment given, its output drained into a {@link BoundedLog}, and its whole process tree
 * killed when it outlives its timeout or the caller is interrupted.
 */
final class TrainingProgramRun {

    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(5);

    private TrainingProgramRun() {
    }

    /** Runs to the end; answers normally only when the program exited with 0. */
    static void run(List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout,
            Path logFile, long logLimit) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try (BoundedLog log = new BoundedLog(logFile, logLimit)) {
            Process process = start(builder, command.getFirst());
            Thread out = Thread.ofVirtual().start(() -> log.drain(process.getInputStream(), false));
            Thread err = Thread.ofVirtual().start(() -> log.drain(process.getErrorStream(), true));
            process.getOutputStream().close();
            boolean ended;
            try {
                ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                killTree(process);
                Thread.currentThread().interrupt();
                throw new TrainingFailedException("interrupted; the training program was stopped");
            }
            if (!ended) {
                killTree(process);
                throw new TrainingFailedException("the training program did not end within " + timeout + " and was killed"
                        + lastLines(log.lastErrors()));
            }
            joinQuietly(out);
            joinQuietly(err);
            if (process.exitValue() != 0) {
                throw new TrainingFailedException("the training program exited with " + process.exitValue()
                        + lastLines(log.lastErrors()));
            }
        } catch (IOException e) {
            throw new TrainingFailedException("cannot write the training log " + logFile.getFileName());
        }
    }

    private static Process start(ProcessBuilder builder, String program) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new TrainingFailedException("the training program " + Path.of(program).getFileName()
                    + " cannot be started (missing or not executable)");
        }
    }

    /** Children first: a killed parent would leave them running, holding the log pipes open. */
    private static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(DRAIN_AFTER_EXIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // Killed but not yet reaped by its new parent: it runs no more.
            }
        }
    }

    private static void joinQuietly(Thread drain) {
        try {
            drain.join(DRAIN_AFTER_EXIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLines(List<String> lines) {
        return lines.isEmpty() ? "" : ": " + String.join(" | ", lines);
    }
}
