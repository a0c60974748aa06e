package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rewrites a beat by hand. */
public record EditBeat(@TargetAggregateIdentifier String storyId,
        String beatId,
        String text,
        Actor actor) {
}
