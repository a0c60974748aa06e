package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A player's move; the narration engine answers it. */
public record SubmitPlayerAction(@TargetAggregateIdentifier String storyId,
        String actionBeatId,
        String text,
        Actor actor) {
}
