package io.storyteller.domain.validation;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records on the candidate's model what a validation found (see {@link ModelValidated}); sent by the
 * validator once it has run, or with {@code passed = false} and the reason when it could not run.
 */
public record RecordModelValidation(@TargetAggregateIdentifier String modelId,
        String version,
        String validationId,
        String suite,
        ModelRef incumbent,
        boolean passed,
        List<ValidationGate> gates,
        int wins,
        int losses,
        int ties,
        List<ValidationExample> examples,
        List<String> reasons,
        Actor actor,
        SuiteDataset dataset) {

    /** Measured on the suite's own items. */
    public RecordModelValidation(String modelId, String version, String validationId, String suite, ModelRef incumbent,
            boolean passed, List<ValidationGate> gates, int wins, int losses, int ties, List<ValidationExample> examples,
            List<String> reasons, Actor actor) {
        this(modelId, version, validationId, suite, incumbent, passed, gates, wins, losses, ties, examples, reasons, actor,
                null);
    }
}
