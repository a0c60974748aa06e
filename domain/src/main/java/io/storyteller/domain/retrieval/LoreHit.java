package io.storyteller.domain.retrieval;

import java.util.List;

/** One retrieved lore entry: its fused score (higher is better), why it came back, and highlighted fragments. */
public record LoreHit(String loreEntryId, String title, double score, RetrievalReason reason, List<String> highlights) {

    public LoreHit {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }
}
