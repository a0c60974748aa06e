package io.storyteller.ops.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one loop per player, each on its own thread, all released at once; bounded in time. */
final class Players {

    /** One player's loop: turns until done or until {@code deadlineNanos} (System.nanoTime) has passed. */
    @FunctionalInterface
    interface Loop {
        void run(int player, long deadlineNanos) throws Exception;
    }

    private Players() {
    }

    /** Runs the loops and returns the wall-clock time from their release to the last one's end, in nanoseconds. */
    static long run(int playerCount, Duration cap, Loop loop) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(playerCount);
        try {
            List<Future<?>> runs = new ArrayList<>();
            long deadline = System.nanoTime() + cap.toNanos();
            for (int p = 0; p < playerCount; p++) {
                int player = p;
                runs.add(pool.submit(() -> {
                    start.await();
                    loop.run(player, deadline);
                    return null;
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            return System.nanoTime() - begin;
        } finally {
            pool.shutdownNow();
        }
    }
}
