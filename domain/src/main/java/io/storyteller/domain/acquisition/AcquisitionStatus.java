package io.storyteller.domain.acquisition;

/** Where an acquisition is as a whole. */
public enum AcquisitionStatus {
    IN_PROGRESS,
    /** Registered, and its evaluation asked for. */
    COMPLETED,
    FAILED
}
