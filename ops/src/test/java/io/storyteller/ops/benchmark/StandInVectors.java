package io.storyteller.ops.benchmark;

import io.storyteller.command.embedding.VectorTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Kept vectors for a benchmark's written log, as a server that had served it would hold them
 * ({@code embedding_vectors}, one per text the search indexes embedded), without running the
 * embedder over every text: a deterministic unit vector per text, of the embedder's size, under the
 * embedder's own key. What a rebuild does with a kept vector (read it, index it in the HNSW graph)
 * does not depend on what it means.
 */
final class StandInVectors implements AutoCloseable {

    private static final int BATCH = 2000;

    private final VectorTable table;
    private final String embedder;
    private final int dimensions;
    private final Map<String, float[]> pending = new HashMap<>();
    private long kept;

    StandInVectors(DataSource dataSource, String embedder, int dimensions) {
        this.table = new VectorTable(dataSource);
        this.embedder = embedder;
        this.dimensions = dimensions;
    }

    void keep(String text) {
        pending.put(text, vectorOf(text));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    long kept() {
        return kept;
    }

    @Override
    public void close() {
        flush();
    }

    private void flush() {
        if (!pending.isEmpty()) {
            table.keep(embedder, pending);
            kept += pending.size();
            pending.clear();
        }
    }

    private float[] vectorOf(String text) {
        Random random = new Random(text.hashCode());
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
