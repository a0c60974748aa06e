package io.storyteller.command.continuity;

import java.util.List;

/** The continuity check's answer for one candidate: what it contradicts, and the facts it weighed. */
public record ContinuityVerdict(List<Breach> contradictions, List<Fact> factsUsed) {

    public ContinuityVerdict {
        contradictions = List.copyOf(contradictions);
        factsUsed = List.copyOf(factsUsed);
    }

    public boolean consistent() {
        return contradictions.isEmpty();
    }
}
