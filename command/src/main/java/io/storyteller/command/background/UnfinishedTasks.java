package io.storyteller.command.background;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands tasks to an executor and counts those not finished yet, so that a caller (a test, a
 * benchmark) can wait until all it handed over are done. A thread pool's own counts cannot say
 * that: a task whose thread has not started yet is in none of them.
 */
public final class UnfinishedTasks {

    private final AtomicInteger unfinished = new AtomicInteger();

    /** Runs {@code task} on {@code executor}, counted until it ends, however it ends. */
    public void execute(Executor executor, Runnable task) {
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                unfinished.decrementAndGet();
            }
        };
        unfinished.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    end.run();
                }
            });
        } catch (RuntimeException e) {
            // refused, or run on this thread and failed: counted once either way
            end.run();
            throw e;
        }
    }

    /** Waits, at most {@code patience}, until every task handed over so far has ended. */
    public void awaitNone(Duration patience) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (unfinished.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }
}
