package io.storyteller.graphql.validation;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.validation.SuiteDataset;

/** The {@code ValidateCandidateInput} of the schema. */
public record ValidateCandidateInput(ModelRef candidate, ModelRef incumbent, UseCase useCase, String suite,
        String worldId, SuiteDataset dataset) {
}
