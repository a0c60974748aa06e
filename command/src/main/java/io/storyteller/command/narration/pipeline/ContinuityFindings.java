package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.story.ContextSource;
import io.storyteller.domain.story.Contradiction;
import java.util.List;

/** What the continuity check found: the contradictions, and the facts it held the candidate against. */
public record ContinuityFindings(List<Contradiction> contradictions, List<ContextSource> factsUsed) {

    public ContinuityFindings {
        contradictions = contradictions == null ? List.of() : List.copyOf(contradictions);
        factsUsed = factsUsed == null ? List.of() : List.copyOf(factsUsed);
    }

    /** The contradictions of the world's lore, as against the story's facts. */
    public long loreContradictions() {
        return contradictions.stream().filter(c -> LORE_RULE.equals(c.kind())).count();
    }

    public long storyContradictions() {
        return contradictions.size() - loreContradictions();
    }

    static final String LORE_RULE = "lore-rule";
}
