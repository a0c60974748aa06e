package io.storyteller.domain.acquisition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records why a copy was not made, in words safe to show. */
public record FailModelCopy(String copyModelId,
        String reason) {

    @TargetAggregateIdentifier
    public String copyId() {
        return ModelCopy.idOf(copyModelId);
    }
}
