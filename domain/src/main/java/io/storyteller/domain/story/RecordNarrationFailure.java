package io.storyteller.domain.story;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a pending narration could not be produced. */
public record RecordNarrationFailure(@TargetAggregateIdentifier String storyId,
        String requestId,
        String reason,
        String model) {
}
