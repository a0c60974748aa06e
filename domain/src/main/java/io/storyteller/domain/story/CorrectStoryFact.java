package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects the value of a fact the story holds; a player of the story or a world admin corrects. */
public record CorrectStoryFact(@TargetAggregateIdentifier String storyId, String factKey, String value, Actor actor) {
}
