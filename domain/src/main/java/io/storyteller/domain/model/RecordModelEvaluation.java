package io.storyteller.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.storyteller.domain.shared.Actor;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records what an evaluation suite measured on one version, metric by metric. {@code evaluationId}
 * (optional) names the request the evaluation answers; the {@link ModelEvaluated} carries it back.
 */
public record RecordModelEvaluation(@TargetAggregateIdentifier String modelId,
        String version,
        String suite,
        Map<String, Double> metrics,
        Actor actor,
        String evaluationId) {

    @JsonCreator
    public RecordModelEvaluation {
    }

    /** An evaluation nobody waits for. */
    public RecordModelEvaluation(String modelId, String version, String suite, Map<String, Double> metrics, Actor actor) {
        this(modelId, version, suite, metrics, actor, null);
    }
}
