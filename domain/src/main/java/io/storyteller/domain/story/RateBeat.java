package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rates a narration beat from 1 to 5. */
public record RateBeat(@TargetAggregateIdentifier String storyId,
        String beatId,
        int rating,
        Actor actor) {
}
