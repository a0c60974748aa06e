package io.storyteller.command.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnfinishedTasksTest {

    private final UnfinishedTasks tasks = new UnfinishedTasks();

    @Test
    void waitsForATaskWhoseThreadHasNotStartedYet() throws Exception {
        List<Runnable> handedOver = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        tasks.execute(handedOver::add, ran::incrementAndGet);
        Thread late = new Thread(() -> {
            sleep(200);
            handedOver.getFirst().run();
        });
        late.start();

        tasks.awaitNone(Duration.ofSeconds(10));

        assertThat(ran).hasValue(1);
        late.join();
    }

    @Test
    void aTaskThatFailsOrIsRefusedIsNotWaitedFor() throws Exception {
        assertThatThrownBy(() -> tasks.execute(Runnable::run, () -> {
            throw new IllegalStateException("failed");
        })).isInstanceOf(IllegalStateException.class);
        tasks.execute(Runnable::run, () -> { });
        assertThatThrownBy(() -> tasks.execute(task -> {
            throw new RejectedExecutionException("full");
        }, () -> { })).isInstanceOf(RejectedExecutionException.class);

        long started = System.nanoTime();
        tasks.awaitNone(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        List<Runnable> handedOver = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        tasks.execute(handedOver::add, ran::incrementAndGet);
        Thread late = new Thread(() -> {
            sleep(200);
            handedOver.getFirst().run();
        });
        late.start();
        tasks.awaitNone(Duration.ofSeconds(10));
        assertThat(ran).as("nothing was counted twice").hasValue(1);
        late.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
