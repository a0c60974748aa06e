package io.storyteller.domain.story;

/**
 * A fact that stands in a story, as the read model keeps it: what it says, the beat it was read
 * from ({@code beatId}, null when a person pinned it), and who pinned or corrected it, if anyone.
 */
public record StoryFactView(String storyId, String key, String kind, String entity, String attribute, String value,
        int sinceBeat, String evidence, String beatId, String pinnedBy, String correctedBy) {
}
