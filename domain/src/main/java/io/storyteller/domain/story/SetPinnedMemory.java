package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the memory always given to the narrator. */
public record SetPinnedMemory(@TargetAggregateIdentifier String storyId,
        String memory,
        Actor actor) {
}
