package io.storyteller.domain.finetuning;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Duration;
import java.util.Map;

/**
 * Work the fine-tuning saga asks for: train on the exported dataset with the named backend for at
 * most {@code timeout}, register the result with its full lineage, then answer with
 * {@link RecordTrainingStart} and {@link RecordTrainedCandidate}, or {@link ReportFineTuningSetback}.
 * Not an aggregate's command.
 */
public record TrainFineTuningCandidate(String fineTuningId,
        ModelRef base,
        UseCase useCase,
        String backend,
        FineTuningDataset dataset,
        Map<String, String> hyperParameters,
        Duration timeout,
        int attempt) {

    public TrainFineTuningCandidate {
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
    }
}
