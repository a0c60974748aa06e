package io.storyteller.domain.finetuning;

import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.util.Map;

/** A fine-tuning was asked for; {@code margin}, {@code worldId} and {@code rollout} are null when not given. */
public record FineTuningRequested(String fineTuningId,
        ModelRef base,
        UseCase useCase,
        String backend,
        CorpusSelection dataset,
        Map<String, String> hyperParameters,
        Double margin,
        String worldId,
        RolloutStrategy rollout,
        String requestedBy) {

    public FineTuningRequested {
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
    }
}
