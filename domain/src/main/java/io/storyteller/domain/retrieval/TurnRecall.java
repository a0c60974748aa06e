package io.storyteller.domain.retrieval;

import java.util.List;

/** A turn's recall: lore entries and older beats, best first. */
public record TurnRecall(List<LoreHit> lore, List<StoryHit> memories) {

    public TurnRecall {
        lore = List.copyOf(lore);
        memories = List.copyOf(memories);
    }
}
