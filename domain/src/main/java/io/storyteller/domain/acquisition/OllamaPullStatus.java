package io.storyteller.domain.acquisition;

/** Where a pull stands. */
public enum OllamaPullStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
