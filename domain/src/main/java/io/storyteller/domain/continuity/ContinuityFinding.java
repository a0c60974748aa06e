package io.storyteller.domain.continuity;

import io.storyteller.domain.story.StoryFact;

/**
 * One contradiction the check found: its {@code kind} (a {@link StoryFact#KINDS} label), the fact
 * contradicted, the candidate's sentence that does it, and why.
 */
public record ContinuityFinding(String kind, StoryFact fact, String evidence, String explanation) {
}
