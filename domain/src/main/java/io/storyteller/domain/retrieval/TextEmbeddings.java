package io.storyteller.domain.retrieval;

import java.util.List;

/**
 * One L2-normalised vector per embedded text, in the order asked, and the model version that made
 * them: vectors of different model versions are not comparable, so an index records which one it holds.
 */
public record TextEmbeddings(String modelId, String version, int dimensions, List<float[]> vectors) {

    public TextEmbeddings {
        vectors = List.copyOf(vectors);
    }

    /** {@code modelId@version}: which embedder made these vectors; only vectors of one embedder are compared. */
    public String embedder() {
        return modelId + "@" + version;
    }

    /** The cosine similarity of two vectors of this kind: their dot product, as both are unit length. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
