package io.storyteller.domain.finetuning;

/** Where a fine-tuning stands; the last four are ends. */
public enum FineTuningStatus {
    REQUESTED, EXPORTED, TRAINING, TRAINED, VALIDATING, ROLLOUT_STARTED, REJECTED, FAILED, CANCELLED;

    public boolean ended() {
        return this == ROLLOUT_STARTED || this == REJECTED || this == FAILED || this == CANCELLED;
    }
}
