package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a story; it accepts no more actions. */
public record EndStory(@TargetAggregateIdentifier String storyId,
        Actor actor) {
}
