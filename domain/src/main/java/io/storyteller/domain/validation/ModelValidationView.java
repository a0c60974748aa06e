package io.storyteller.domain.validation;

import io.storyteller.domain.model.ModelRef;
import java.time.Instant;
import java.util.List;

/** A recorded validation of a candidate version, with its comparison against the incumbent. */
public record ModelValidationView(String validationId,
        ModelRef candidate,
        String suite,
        ModelRef incumbent,
        boolean passed,
        List<ValidationGate> gates,
        int wins,
        int losses,
        int ties,
        List<ValidationExample> examples,
        List<String> reasons,
        String validatedBy,
        Instant validatedAt,
        SuiteDataset dataset) {

    public ModelValidationView {
        gates = gates == null ? List.of() : List.copyOf(gates);
        examples = examples == null ? List.of() : List.copyOf(examples);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
