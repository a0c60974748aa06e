package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what an evaluation suite measured on one version, metric by metric. */
public record RecordModelEvaluation(@TargetAggregateIdentifier String modelId,
        String version,
        String suite,
        Map<String, Double> metrics,
        Actor actor) {
}
