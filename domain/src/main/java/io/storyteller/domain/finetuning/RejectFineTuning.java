package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a fine-tuning whose candidate is not rolled out, with the reasons why not. */
public record RejectFineTuning(@TargetAggregateIdentifier String fineTuningId,
        List<String> reasons,
        Actor actor) {
}
