package io.storyteller.domain.acquisition;

/** A step failed and may be tried again; the acquisition goes on. */
public record AcquisitionSetback(String acquisitionId,
        AcquisitionStep step,
        String reason) {
}
