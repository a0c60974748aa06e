package io.storyteller.command.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class BackgroundThreadsTest {

    /** The calling thread's nice value, as the kernel reports it (field 19 of its stat line). */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aBackgroundThreadRunsAtALowerPriorityAndOthersKeepTheirs() throws Exception {
        int before = niceOfThisThread();
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        Thread thread = BackgroundThreads.named("background-test").newThread(() -> {
            try {
                nice.complete(niceOfThisThread());
            } catch (Exception e) {
                nice.completeExceptionally(e);
            }
        });
        thread.start();

        assertThat(thread.getName()).isEqualTo("background-test");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(nice.get(10, TimeUnit.SECONDS)).isEqualTo(Math.max(before, BackgroundThreads.NICE));
        assertThat(niceOfThisThread()).isEqualTo(before); // per thread, not the whole process
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aThreadAlreadyLowerStaysWhereItIs() throws Exception {
        CompletableFuture<int[]> nices = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                assertThat(BackgroundThreads.lowerCurrent()).isTrue();
                int first = niceOfThisThread();
                assertThat(BackgroundThreads.lowerCurrent()).isTrue();
                nices.complete(new int[] {first, niceOfThisThread()});
            } catch (Throwable e) {
                nices.completeExceptionally(e);
            }
        });
        thread.start();

        int[] seen = nices.get(10, TimeUnit.SECONDS);
        assertThat(seen[0]).isGreaterThanOrEqualTo(BackgroundThreads.NICE);
        assertThat(seen[1]).isEqualTo(seen[0]);
    }
}
