package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the facts the continuity engine read in one beat; only the platform records them. */
public record RecordStoryFacts(@TargetAggregateIdentifier String storyId, String beatId, List<StoryFact> facts, Actor actor) {
}
