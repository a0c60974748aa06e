package io.storyteller.command.continuity;

import java.util.List;

/**
 * One labelled case of a continuity set: lore, story lines (player actions start with "> "), a
 * candidate and whether it contradicts them; {@code kind} (optional) names the kind it tests.
 */
public record ContinuityCase(String id, String genre, List<String> lore, List<String> story, String candidate,
        boolean contradiction, String kind) {

    public List<StoryLine> storyLines() {
        return story.stream().map(StoryLine::parse).toList();
    }
}
