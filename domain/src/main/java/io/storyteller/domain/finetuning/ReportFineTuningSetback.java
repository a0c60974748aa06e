package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A step's work failed. {@code retryable}: another attempt may mend it (a network error, a
 * provider's 5xx); otherwise retrying is pointless (the backend cannot train this job).
 */
public record ReportFineTuningSetback(@TargetAggregateIdentifier String fineTuningId,
        FineTuningStep step,
        int attempt,
        String reason,
        boolean retryable,
        Actor actor) {
}
