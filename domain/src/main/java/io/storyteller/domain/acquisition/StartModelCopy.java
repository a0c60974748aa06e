package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that {@code source} is being copied as {@code copyModelId} (which is {@code <provider>:<name>}). */
public record StartModelCopy(String copyModelId,
        ModelRef source,
        String name,
        ModelCopyMethod method,
        Actor actor) {

    @TargetAggregateIdentifier
    public String copyId() {
        return ModelCopy.idOf(copyModelId);
    }
}
