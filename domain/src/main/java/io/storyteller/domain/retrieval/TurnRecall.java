package io.storyteller.domain.retrieval;

import java.util.List;

/**
 * A turn's recall: lore and beats, best first, and the turn's context as embedded.
 *
 * @param contextVector the context's vector, or null when the embedder did not answer (both searched by BM25 alone)
 * @param embedder      the model version that made it ({@code modelId@version}), or null
 */
public record TurnRecall(List<LoreHit> lore, List<StoryHit> memories, float[] contextVector, String embedder) {

    public TurnRecall {
        lore = List.copyOf(lore);
        memories = List.copyOf(memories);
    }
}
