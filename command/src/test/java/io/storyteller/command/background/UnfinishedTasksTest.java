package io.storyteller.command.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnfinishedTasksTest {

    private final UnfinishedTasks tasks = new UnfinishedTasks();

    /** Hands a task over to an executor whose thread starts it only after a while; waits for it. */
    private void awaitATaskStartedLate() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        Thread[] late = new Thread[1];
        tasks.execute(task -> {
            late[0] = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            });
            late[0].start();
        }, ran::incrementAndGet);

        tasks.awaitNone(Duration.ofSeconds(10));

        assertThat(ran).hasValue(1);
        late[0].join();
    }

    @Test
    void waitsForATaskWhoseThreadHasNotStartedYet() throws Exception {
        awaitATaskStartedLate();
    }

    @Test
    void aTaskThatFailsOrIsRefusedIsCountedOnce() throws Exception {
        assertThatThrownBy(() -> tasks.execute(Runnable::run, () -> {
            throw new IllegalStateException("failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tasks.execute(task -> {
            throw new RejectedExecutionException("full");
        }, () -> { })).isInstanceOf(RejectedExecutionException.class);

        long started = System.nanoTime();
        tasks.awaitNone(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("nothing left").isLessThan(Duration.ofSeconds(5));
        awaitATaskStartedLate();
    }
}
