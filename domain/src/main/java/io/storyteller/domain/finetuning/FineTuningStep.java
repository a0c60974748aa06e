package io.storyteller.domain.finetuning;

/** The steps of a fine-tuning whose work is done elsewhere and may be retried. */
public enum FineTuningStep {
    EXPORT, TRAIN, VALIDATE, ROLLOUT
}
