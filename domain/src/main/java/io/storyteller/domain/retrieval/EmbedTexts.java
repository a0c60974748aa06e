package io.storyteller.domain.retrieval;

import java.util.List;

/**
 * Asks the embedder deployment of a world (its own {@code embedder} slot, else the global one,
 * else the platform's default embedding model) for one vector per text, in order. Answers
 * {@link TextEmbeddings}. A null world asks for the global embedder.
 *
 * @param indexed whether the texts are documents being indexed (lore entries, beats). Their vectors
 *                are looked up among those kept from an earlier indexing before any is computed, so
 *                that a rebuild embeds no text twice. Other texts (a search's question, a turn's
 *                candidates and context) are new, and asking the database for them first would only
 *                add a round trip before the model runs.
 */
public record EmbedTexts(String worldId, List<String> texts, boolean indexed) {

    /** Texts one query may hold: enough for an indexing batch, bounded so that one call cannot hold the model for long. */
    public static final int MAX_TEXTS = 256;

    public EmbedTexts {
        texts = List.copyOf(texts);
    }

    /** New texts, not documents being indexed. */
    public EmbedTexts(String worldId, List<String> texts) {
        this(worldId, texts, false);
    }
}
