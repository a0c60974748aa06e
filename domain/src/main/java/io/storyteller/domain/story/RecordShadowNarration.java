package io.storyteller.domain.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records what a shadow candidate answered to a request of this story, mirrored beside the real
 * narration: kept for the rollout's analysis and the training corpus, never shown to players.
 * Exactly one of text and failureReason is set.
 */
public record RecordShadowNarration(@TargetAggregateIdentifier String storyId,
        String requestId,
        String text,
        String failureReason,
        NarrationProvenance provenance) {
}
