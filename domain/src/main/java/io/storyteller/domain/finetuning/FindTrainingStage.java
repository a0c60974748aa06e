package io.storyteller.domain.finetuning;

/**
 * The stage a fine-tuning's running training last reported, e.g. {@code training 40%}; answers an
 * optional String, empty when no training of it runs on this node. The stage is not an event: a
 * backend reports it many times a minute, and it means nothing once the training has ended.
 */
public record FindTrainingStage(String fineTuningId) {
}
