package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelArtifact;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a made copy: the version it was registered with and, for copied files, their artifact. */
public record CompleteModelCopy(String copyModelId,
        String version,
        ModelArtifact artifact) {

    @TargetAggregateIdentifier
    public String copyId() {
        return ModelCopy.idOf(copyModelId);
    }
}
