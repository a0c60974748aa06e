package io.storyteller.domain.story;

import java.util.List;

/** The continuity engine read these facts in a beat. */
public record StoryFactsRecorded(String storyId, String beatId, List<StoryFact> facts) {
}
