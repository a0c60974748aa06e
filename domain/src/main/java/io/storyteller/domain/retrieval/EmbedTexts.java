package io.storyteller.domain.retrieval;

import java.util.List;

/**
 * Asks the embedder deployment of a world (its own {@code embedder} slot, else the global one,
 * else the platform's default embedding model) for one vector per text, in order. Answers
 * {@link TextEmbeddings}. A null world asks for the global embedder.
 */
public record EmbedTexts(String worldId, List<String> texts) {

    public EmbedTexts {
        texts = List.copyOf(texts);
    }
}
