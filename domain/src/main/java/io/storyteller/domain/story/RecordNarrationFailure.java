package io.storyteller.domain.story;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a pending narration could not be produced; route is null when no deployment routed
 * it. {@code candidates} are the turn's candidates when the pipeline judged some and refused them all.
 */
public record RecordNarrationFailure(@TargetAggregateIdentifier String storyId,
        String requestId,
        String reason,
        String model,
        NarrationRoute route,
        List<CandidateReport> candidates) {

    public RecordNarrationFailure {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public RecordNarrationFailure(String storyId, String requestId, String reason, String model) {
        this(storyId, requestId, reason, model, null, null);
    }

    public RecordNarrationFailure(String storyId, String requestId, String reason, String model, NarrationRoute route) {
        this(storyId, requestId, reason, model, route, null);
    }
}
