package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.NarrationArm;
import java.time.Instant;
import java.util.List;

/**
 * One recorded narration of a beat and what led to it: the model version, the deployment, arm and
 * rollout step that routed it (null when no deployment did), and the routing decisions in force
 * when it was recorded, oldest first.
 */
public record AuditedNarration(int alternativeIndex,
        String requestId,
        Instant recordedAt,
        ModelRef model,
        String deploymentId,
        NarrationArm arm,
        String rolloutId,
        Integer rolloutStep,
        List<RouteDecision> decisions) {
}
