package io.storyteller.domain.retrieval;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Require;

/**
 * Retrieves a world's lore entries most relevant to {@code text}: BM25 over title, content and trigger
 * keys fused with k-NN over their embeddings (reciprocal rank fusion). Retired entries are never
 * returned. Answers {@link LoreHits}. The narration engine asks as {@link Actor#system()}; through
 * the API the world's owner and admins and platform admins may ask.
 */
public record SearchLore(String worldId, Actor viewer, String text, int first) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_FIRST = 100;

    public SearchLore {
        worldId = Require.id("worldId", worldId);
        text = Require.text("text", text, MAX_TEXT);
        first = Require.range("first", first, 1, MAX_FIRST);
    }
}
