package io.storyteller.command.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClosingGateTest {

    private final ClosingGate gate = new ClosingGate();

    @Test
    void writesUntilClosedAndRefusesAfterwardsWithoutRunningTheWrite() {
        assertThat(gate.write("the first version", () -> 1)).isEqualTo(1);
        gate.close();

        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> gate.write("the second version", () -> ran.getAndSet(true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the application is stopping: the second version is not stored");
        assertThat(ran).isFalse();
    }

    @Test
    void closingWaitsForAWriteInProgress() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicBoolean written = new AtomicBoolean();
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> gate.write("a version", () -> {
            writing.countDown();
            await(finish);
            written.set(true);
            return null;
        }));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(gate::close);
        assertThat(closing).as("close waits for the write").isNotDone();
        Thread.sleep(50);
        assertThat(closing).isNotDone();
        finish.countDown();

        closing.get(10, TimeUnit.SECONDS);
        write.get(10, TimeUnit.SECONDS);
        assertThat(written).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
