package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases a beat and every beat after it. */
public record EraseBeats(@TargetAggregateIdentifier String storyId,
        String fromBeatId,
        Actor actor) {
}
