package io.storyteller.projections.rollout;

import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRoute;
import java.time.Instant;

/**
 * One routed narration call as {@code narration_outcomes} keeps it. Failures carry no latency or
 * tokens (the call produced none); shadow calls and failures make no beat.
 */
record NarrationOutcome(String eventId,
        String storyId,
        String requestId,
        String beatId,
        Integer alternativeIndex,
        String deploymentId,
        String rolloutId,
        Integer rolloutStep,
        NarrationArm arm,
        String model,
        String modelVersion,
        long latencyMillis,
        int promptTokens,
        int completionTokens,
        boolean failed,
        Instant occurredAt) {

    static NarrationOutcome of(String eventId, String storyId, String requestId, String beatId, Integer alternativeIndex,
                               NarrationProvenance provenance, boolean failed, Instant at) {
        return new NarrationOutcome(eventId, storyId, requestId, beatId, alternativeIndex, provenance.deploymentId(),
                provenance.rolloutId(), provenance.rolloutStep(), provenance.arm(), provenance.model(),
                provenance.modelVersion(), provenance.latencyMillis(), provenance.promptTokens(),
                provenance.completionTokens(), failed, at);
    }

    static NarrationOutcome failure(String eventId, String storyId, String requestId, NarrationRoute route, String model,
                                    Instant at) {
        return new NarrationOutcome(eventId, storyId, requestId, null, null, route.deploymentId(), route.rolloutId(),
                route.rolloutStep(), route.arm(), model, null, 0, 0, 0, true, at);
    }
}
