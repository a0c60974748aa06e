package io.storyteller.domain.retrieval;

import java.util.List;

/** The answer to {@link SearchLore}, best first. */
public record LoreHits(List<LoreHit> hits) {

    public LoreHits {
        hits = List.copyOf(hits);
    }
}
