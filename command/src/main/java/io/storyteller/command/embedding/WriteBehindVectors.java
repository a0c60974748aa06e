package io.storyteller.command.embedding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps vectors in another {@link KeptVectors} (the database table) from a thread of its own, so
 * that whoever asked for an embedding does not wait for the write: a turn embeds its action and its
 * candidates, and each new vector kept used to cost the turn an insert and its commit. Vectors not
 * yet written are answered from memory by {@link #find}. The kept vectors are a cache of what the
 * embedder computes deterministically, so a write that fails loses nothing but a later recomputation
 * (it is logged and dropped, never retried in a loop). With more than {@link #MAX_PENDING} vectors
 * waiting, the caller writes its own at once: a replay that embeds faster than the table takes them
 * is slowed to the table's pace instead of filling memory. Pending vectors are written on close.
 */
public final class WriteBehindVectors implements KeptVectors, AutoCloseable {

    static final int MAX_PENDING = 10_000;
    private static final Logger log = LoggerFactory.getLogger(WriteBehindVectors.class);

    private record Key(String embedder, String text) {
    }

    private final KeptVectors table;
    private final Map<Key, float[]> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("kept-vectors-writer").factory());

    public WriteBehindVectors(KeptVectors table) {
        this.table = table;
    }

    @Override
    public Map<String, float[]> find(String embedder, Collection<String> texts) {
        Map<String, float[]> found = new HashMap<>();
        List<String> unwritten = new ArrayList<>();
        for (String text : texts) {
            float[] vector = pending.get(new Key(embedder, text));
            if (vector != null) {
                found.put(text, vector);
            } else {
                unwritten.add(text);
            }
        }
        if (!unwritten.isEmpty()) {
            found.putAll(table.find(embedder, unwritten));
        }
        return found;
    }

    @Override
    public void keep(String embedder, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        if (pending.size() + vectors.size() > MAX_PENDING) {
            table.keep(embedder, vectors);
            return;
        }
        vectors.forEach((text, vector) -> pending.put(new Key(embedder, text), vector));
        if (flushQueued.compareAndSet(false, true)) {
            writer.execute(this::flush);
        }
    }

    /** Writes what is pending, one statement per embedder. */
    void flush() {
        flushQueued.set(false);
        Map<String, Map<String, float[]>> byEmbedder = new LinkedHashMap<>();
        pending.forEach((key, vector) -> byEmbedder.computeIfAbsent(key.embedder(), e -> new LinkedHashMap<>())
                .put(key.text(), vector));
        byEmbedder.forEach((embedder, vectors) -> {
            try {
                table.keep(embedder, vectors);
            } catch (RuntimeException e) {
                log.warn("{} vectors of {} could not be kept ({}); they will be computed again when asked",
                        vectors.size(), embedder, e.toString());
            }
            vectors.forEach((text, vector) -> pending.remove(new Key(embedder, text), vector));
        });
    }

    /** The number of vectors not written yet. */
    int pending() {
        return pending.size();
    }

    /** Stops the writer after writing what is pending. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The kept-vectors writer did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!pending.isEmpty()) {
            flush();
        }
    }
}
