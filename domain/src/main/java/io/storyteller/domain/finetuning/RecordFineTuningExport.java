package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the fine-tuning's dataset was exported. */
public record RecordFineTuningExport(@TargetAggregateIdentifier String fineTuningId,
        FineTuningDataset dataset,
        Actor actor) {
}
