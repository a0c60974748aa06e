package io.storyteller.domain.acquisition;

/**
 * A Hub model as a candidate for acquisition. {@code sizeBytes} and {@code evaluationScore} are
 * null when unknown; {@code rank} is 1 for the best. A candidate outside the license allow-list or
 * the size limit is ranked after every eligible one, whatever its popularity.
 */
public record HubModelCandidate(String repo,
        String task,
        String library,
        String license,
        long downloads,
        Long sizeBytes,
        boolean gated,
        Double evaluationScore,
        boolean licenseAllowed,
        boolean withinSizeLimit,
        int rank) {

    public boolean eligible() {
        return licenseAllowed && withinSizeLimit;
    }
}
