package io.storyteller.domain.finetuning;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the registered version training made, with what the training measured. */
public record RecordTrainedCandidate(@TargetAggregateIdentifier String fineTuningId,
        ModelRef candidate,
        Map<String, Double> metrics,
        Actor actor) {
}
