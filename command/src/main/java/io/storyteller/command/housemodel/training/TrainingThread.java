package io.storyteller.command.housemodel.training;

import io.storyteller.command.background.BackgroundThreads;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread every house model is trained on: trainings never overlap (they are
 * CPU- and memory-hungry on a small machine), and a world is never trained twice at once.
 */
final class TrainingThread implements AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private volatile Thread worker;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = BackgroundThreads.named("house-model-training").newThread(runnable);
        worker = thread;
        return thread;
    });

    /** Runs the work on the training thread and waits for it; its exceptions reach the caller. */
    <T> T call(Callable<T> work) {
        try {
            if (Thread.currentThread() == worker) {
                return work.call();
            }
            Future<T> result = executor.submit(work);
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("house model training failed", e.getCause());
        } catch (InterruptedException e) {
            // The training itself goes on; only this caller stops waiting.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for house model training", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("house model training failed", e);
        }
    }

    /** Runs the task repeatedly, the delay counted from the end of one run to the start of the next. */
    ScheduledFuture<?> repeat(Duration delay, Runnable task) {
        return executor.scheduleWithFixedDelay(task, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a running training finish (for a while), then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
