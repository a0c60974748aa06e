package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Chooses which of a narration beat's alternatives stands. */
public record SelectNarrationAlternative(@TargetAggregateIdentifier String storyId,
        String beatId,
        int alternativeIndex,
        Actor actor) {
}
