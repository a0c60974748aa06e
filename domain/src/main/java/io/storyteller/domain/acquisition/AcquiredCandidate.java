package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;

/**
 * An acquired version as a candidate for its use case's slot. {@code rank} is 1 for the best:
 * eligible ones (license on the allow-list, size within the limit) first, then those that passed
 * their validation, then by wins − losses; one not validated yet comes after every validated one.
 *
 * @param passed null while its validation has no result (or none was asked for)
 */
public record AcquiredCandidate(int rank,
        String acquisitionId,
        String repo,
        ModelRef model,
        String license,
        long sizeBytes,
        String validationId,
        Boolean passed,
        int wins,
        int losses,
        int ties,
        boolean licenseAllowed,
        boolean withinSizeLimit) {

    public boolean eligible() {
        return licenseAllowed && withinSizeLimit;
    }
}
