package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks for another narration of the last action. */
public record RetryNarration(@TargetAggregateIdentifier String storyId,
        String requestId,
        Actor actor) {
}
