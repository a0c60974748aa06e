package io.storyteller.domain.acquisition;

/** The acquisition ended without a registered model; {@code reason} names what went wrong, never a secret. */
public record AcquisitionFailed(String acquisitionId,
        AcquisitionStep step,
        String reason) {
}
