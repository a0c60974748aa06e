package io.storyteller.domain.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a pending narration could not be produced; route is null when no deployment routed it. */
public record RecordNarrationFailure(@TargetAggregateIdentifier String storyId,
        String requestId,
        String reason,
        String model,
        NarrationRoute route) {

    public RecordNarrationFailure(String storyId, String requestId, String reason, String model) {
        this(storyId, requestId, reason, model, null);
    }
}
