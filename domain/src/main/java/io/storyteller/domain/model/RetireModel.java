package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires a model: it accepts nothing more but stays readable. */
public record RetireModel(@TargetAggregateIdentifier String modelId,
        String reason,
        Actor actor) {
}
