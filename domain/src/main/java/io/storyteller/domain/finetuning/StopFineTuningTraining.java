package io.storyteller.domain.finetuning;

/** Work the fine-tuning saga asks for on cancel: interrupt the fine-tuning's running training, if any. */
public record StopFineTuningTraining(String fineTuningId) {
}
