package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports that a step failed in a way another attempt may mend (a cut connection, a busy Hub). */
public record ReportAcquisitionSetback(@TargetAggregateIdentifier String acquisitionId,
        AcquisitionStep step,
        String reason,
        Actor actor) {
}
