package io.storyteller.graphql.finetuning;

import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.finetuning.RequestFineTuning;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fine-tuning request as the API takes it; the FineTuning's admission checks every field. */
public record FineTuningInput(ModelRef base,
        UseCase useCase,
        String backend,
        DatasetInput dataset,
        List<HyperParameterInput> hyperParameters,
        Double margin,
        String worldId,
        RolloutInput rollout) {

    public RequestFineTuning toCommand(String fineTuningId, Actor actor) {
        RolloutStrategy strategy = rollout == null ? null : rollout.strategy();
        return new RequestFineTuning(fineTuningId, base, useCase, backend, dataset == null ? null : dataset.selection(),
                parameters(), margin, worldId, strategy, actor);
    }

    /** A list in the API, a map in the domain: a name given twice would silently lose a value, so it is refused. */
    private Map<String, String> parameters() {
        Map<String, String> parameters = new TreeMap<>();
        for (HyperParameterInput parameter : hyperParameters == null ? List.<HyperParameterInput>of() : hyperParameters) {
            if (parameters.put(parameter.name(), parameter.value()) != null) {
                throw DomainRejection.invalid("hyperParameters", "unique-names", "hyper-parameter " + parameter.name() + " is given twice");
            }
        }
        return parameters;
    }

    /** One hyper-parameter, passed to the backend as given. */
    public record HyperParameterInput(String name, String value) {
    }
}
