package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends an acquisition as failed at a step, with the reason. */
public record FailAcquisition(@TargetAggregateIdentifier String acquisitionId,
        AcquisitionStep step,
        String reason,
        Actor actor) {
}
