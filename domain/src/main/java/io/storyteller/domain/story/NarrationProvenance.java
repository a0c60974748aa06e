package io.storyteller.domain.story;

import java.util.List;

/**
 * Where a narration came from: which model, from which prompt and lore, at what cost, and which
 * deployment routed it there — the arm (stable, canary or shadow) and the rollout step, if any.
 * The routing fields are null for narrations recorded before routing existed.
 */
public record NarrationProvenance(String model,
        String modelVersion,
        String promptDigest,
        List<String> loreEntryIds,
        long latencyMillis,
        int promptTokens,
        int completionTokens,
        String deploymentId,
        NarrationArm arm,
        String rolloutId,
        Integer rolloutStep) {

    /** A narration not routed through a deployment. */
    public NarrationProvenance(String model, String modelVersion, String promptDigest, List<String> loreEntryIds,
                               long latencyMillis, int promptTokens, int completionTokens) {
        this(model, modelVersion, promptDigest, loreEntryIds, latencyMillis, promptTokens, completionTokens,
                null, null, null, null);
    }

    /** The same provenance, routed by a deployment. */
    public NarrationProvenance routed(String deploymentId, NarrationArm arm, String rolloutId, Integer rolloutStep) {
        return new NarrationProvenance(model, modelVersion, promptDigest, loreEntryIds, latencyMillis, promptTokens,
                completionTokens, deploymentId, arm, rolloutId, rolloutStep);
    }
}
