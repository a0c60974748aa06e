package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pins a fact so the engine's later readings never replace it; a player of the story or a world admin pins. */
public record PinStoryFact(@TargetAggregateIdentifier String storyId, StoryFact fact, Actor actor) {
}
