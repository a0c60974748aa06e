package io.storyteller.domain.finetuning;

import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import java.util.Map;

/**
 * Asks for a new version of {@code base} trained for {@code useCase} by the named backend on the
 * dataset {@code dataset} selects, validated against the incumbent of the slot and rolled out when it
 * beats it by {@code margin}. Handled by {@link FineTuningAdmission}, which checks the base and the
 * backend first.
 *
 * @param margin   the share of decided items by which it must win, -1..1; null: the configured default
 * @param worldId  whose slot it is for; null: the global slot
 * @param rollout  how it is rolled out; null: the configured shadow-first strategy
 */
public record RequestFineTuning(String fineTuningId,
        ModelRef base,
        UseCase useCase,
        String backend,
        CorpusSelection dataset,
        Map<String, String> hyperParameters,
        Double margin,
        String worldId,
        RolloutStrategy rollout,
        Actor actor) {
}
