package io.storyteller.domain.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the narration that answers a pending request. */
public record RecordNarration(@TargetAggregateIdentifier String storyId,
        String requestId,
        String narrationBeatId,
        String text,
        NarrationProvenance provenance) {
}
