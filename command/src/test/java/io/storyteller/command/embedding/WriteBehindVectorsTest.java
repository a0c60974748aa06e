package io.storyteller.command.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Vectors kept behind the caller: the call returns before the table is written, what is not written
 * yet is still found, a failing table loses only the cache entries, a full queue makes the caller
 * write its own, and closing writes what is pending.
 */
class WriteBehindVectorsTest {

    private static final float[] FOG = {0.6f, 0.8f};
    private static final float[] BELL = {1f, 0f};

    /** The table double: holds what it was given; its writes can be held back or made to fail. */
    private static final class Table implements KeptVectors {
        final Map<String, float[]> rows = new ConcurrentHashMap<>();
        volatile CountDownLatch gate = new CountDownLatch(0);
        /** A thread the gate lets through: the caller, writing its own while the writer is held back. */
        volatile Thread ungated;
        volatile boolean failing;
        volatile String lastWriter;

        @Override
        public Map<String, float[]> find(String embedder, Collection<String> texts) {
            Map<String, float[]> found = new HashMap<>();
            texts.forEach(text -> {
                float[] vector = rows.get(embedder + "|" + text);
                if (vector != null) {
                    found.put(text, vector);
                }
            });
            return found;
        }

        @Override
        public void keep(String embedder, Map<String, float[]> vectors) {
            try {
                if (Thread.currentThread() != ungated) {
                    gate.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lastWriter = Thread.currentThread().getName();
            if (failing) {
                throw new IllegalStateException("the database is gone");
            }
            vectors.forEach((text, vector) -> rows.put(embedder + "|" + text, vector));
        }
    }

    @Test
    void theCallerDoesNotWaitForTheWriteAndAnUnwrittenVectorIsStillFound() {
        Table table = new Table();
        table.gate = new CountDownLatch(1);
        try (WriteBehindVectors kept = new WriteBehindVectors(table)) {
            kept.keep("house@1", Map.of("fog over the quay", FOG));

            assertThat(table.rows).as("not written while the table holds back").isEmpty();
            assertThat(kept.find("house@1", List.of("fog over the quay", "a lantern")))
                    .containsOnlyKeys("fog over the quay");
            assertThat(kept.find("other@1", List.of("fog over the quay"))).as("another embedder's key").isEmpty();

            table.gate.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> kept.pending() == 0);
            assertThat(table.rows).containsOnlyKeys("house@1|fog over the quay");
            assertThat(table.lastWriter).isEqualTo("kept-vectors-writer");
            assertThat(kept.find("house@1", List.of("fog over the quay"))).as("now read from the table")
                    .containsOnlyKeys("fog over the quay");
        }
    }

    @Test
    void aFailedWriteIsDroppedAndTheNextOneStillLands() {
        Table table = new Table();
        table.failing = true;
        try (WriteBehindVectors kept = new WriteBehindVectors(table)) {
            kept.keep("house@1", Map.of("fog over the quay", FOG));
            await().atMost(Duration.ofSeconds(5)).until(() -> kept.pending() == 0);
            assertThat(kept.find("house@1", List.of("fog over the quay"))).as("to be computed again").isEmpty();

            table.failing = false;
            kept.keep("house@1", Map.of("the bell", BELL));
            await().atMost(Duration.ofSeconds(5)).until(() -> kept.pending() == 0);
            assertThat(table.rows).containsOnlyKeys("house@1|the bell");
        }
    }

    @Test
    void whenTheQueueIsFullTheCallerWritesItsOwnVectors() {
        Table table = new Table();
        table.gate = new CountDownLatch(1);
        WriteBehindVectors kept = new WriteBehindVectors(table);
        Map<String, float[]> many = new HashMap<>();
        for (int i = 0; i < WriteBehindVectors.MAX_PENDING; i++) {
            many.put("text " + i, FOG);
        }
        kept.keep("house@1", many);
        // the writer stays held back, so the queue is still full when the caller keeps more
        table.ungated = Thread.currentThread();
        kept.keep("house@1", Map.of("the bell", BELL));

        assertThat(table.rows).containsOnlyKeys("house@1|the bell");
        assertThat(table.lastWriter).isEqualTo(Thread.currentThread().getName());
        table.gate.countDown();
        kept.close();
        assertThat(kept.pending()).isZero();
        assertThat(table.rows).hasSize(WriteBehindVectors.MAX_PENDING + 1);
    }

    @Test
    void closingWritesWhatIsPending() {
        Table table = new Table();
        table.gate = new CountDownLatch(1);
        WriteBehindVectors kept = new WriteBehindVectors(table);
        kept.keep("house@1", Map.of("fog over the quay", FOG));
        kept.keep("house@1", Map.of("the bell", BELL));
        table.gate.countDown();

        kept.close();

        assertThat(table.rows).containsOnlyKeys("house@1|fog over the quay", "house@1|the bell");
    }
}
