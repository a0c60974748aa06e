package io.storyteller.domain.finetuning;

import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuning as the read model holds it: the request, the step it is at, what each finished step
 * produced and its history, oldest first. Fields of steps not reached are null.
 *
 * @param step       the step it is at, or ended at
 * @param dataset    the exported dataset's manifest, once exported
 * @param metrics    what training measured, empty before
 * @param validation the validation's summary and the promotion decision, once validated
 * @param reasons    why the candidate is not rolled out, when rejected
 * @param failure    where and why it gave up, when failed
 */
public record FineTuningView(String fineTuningId,
        FineTuningStatus status,
        FineTuningStep step,
        ModelRef base,
        UseCase useCase,
        String backend,
        String worldId,
        CorpusSelection selection,
        Map<String, String> hyperParameters,
        Double margin,
        FineTuningDataset dataset,
        ModelRef candidate,
        Map<String, Double> metrics,
        PromotionDecision validation,
        List<String> reasons,
        String deploymentId,
        String rolloutId,
        FineTuningFailure failure,
        List<FineTuningEntry> history,
        String requestedBy,
        Instant requestedAt,
        Instant updatedAt) {

    public FineTuningView {
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
