package io.storyteller.domain.model;

/** Whether a model still accepts versions, evaluations and variants. */
public enum ModelStatus {
    ACTIVE,
    /** Accepts nothing more but stays readable, with its whole history. */
    RETIRED
}
