package io.storyteller.domain.acquisition;

import java.time.Instant;
import java.util.List;

/**
 * The validation of an acquired version as the read model has it: asked for, then its result once
 * {@code ModelValidated} arrived ({@code passed} null until then).
 */
public record AcquisitionValidation(String validationId,
        Boolean passed,
        Integer wins,
        Integer losses,
        Integer ties,
        List<String> reasons,
        Instant requestedAt,
        Instant validatedAt) {

    public AcquisitionValidation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
