package io.storyteller.domain.continuity;

import io.storyteller.domain.story.StoryFact;
import java.util.List;

/** The continuity check's verdict on a candidate: what it contradicts, and every fact it weighed. */
public record ContinuityReport(boolean consistent, List<ContinuityFinding> contradictions, List<StoryFact> factsUsed) {
}
