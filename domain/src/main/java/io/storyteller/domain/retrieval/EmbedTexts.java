package io.storyteller.domain.retrieval;

import java.util.List;

/**
 * Asks the embedder deployment of a world (its own {@code embedder} slot, else the global one,
 * else the platform's default embedding model) for one vector per text, in order. Answers
 * {@link TextEmbeddings}. A null world asks for the global embedder.
 */
public record EmbedTexts(String worldId, List<String> texts) {

    /** Texts one query may hold: enough for an indexing batch, bounded so that one call cannot hold the model for long. */
    public static final int MAX_TEXTS = 256;

    public EmbedTexts {
        texts = List.copyOf(texts);
    }
}
