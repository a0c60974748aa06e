package io.storyteller.domain.story;

import io.storyteller.domain.budget.BudgetDecision;
import java.util.List;

/**
 * Where a narration came from: which model, from which prompt and lore, at what cost, and which
 * deployment routed it there — the arm (stable, canary or shadow) and the rollout step, if any.
 * The routing fields are null for narrations recorded before routing existed.
 * <p>
 * The pipeline's record of the turn: every candidate with its scores and verdicts and what became
 * of it, why the winner won, and each piece of context with the reason it was given. All empty
 * for narrations recorded before the pipeline judged candidates.
 * <p>
 * {@code budget} is what a reached spend limit did to the turn (narrated more cheaply), null when
 * no limit was reached.
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
        Integer rolloutStep,
        List<CandidateReport> candidates,
        String selection,
        List<ContextSource> sources,
        BudgetDecision budget) {

    public NarrationProvenance {
        loreEntryIds = loreEntryIds == null ? List.of() : List.copyOf(loreEntryIds);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A provenance no spend limit touched. */
    public NarrationProvenance(String model, String modelVersion, String promptDigest, List<String> loreEntryIds,
            long latencyMillis, int promptTokens, int completionTokens, String deploymentId, NarrationArm arm,
            String rolloutId, Integer rolloutStep, List<CandidateReport> candidates, String selection,
            List<ContextSource> sources) {
        this(model, modelVersion, promptDigest, loreEntryIds, latencyMillis, promptTokens, completionTokens, deploymentId,
                arm, rolloutId, rolloutStep, candidates, selection, sources, null);
    }

    /** A narration not routed through a deployment. */
    public NarrationProvenance(String model, String modelVersion, String promptDigest, List<String> loreEntryIds,
                               long latencyMillis, int promptTokens, int completionTokens) {
        this(model, modelVersion, promptDigest, loreEntryIds, latencyMillis, promptTokens, completionTokens,
                null, null, null, null, null, null, null);
    }

    /** The same provenance, routed by a deployment. */
    public NarrationProvenance routed(String deploymentId, NarrationArm arm, String rolloutId, Integer rolloutStep) {
        return new NarrationProvenance(model, modelVersion, promptDigest, loreEntryIds, latencyMillis, promptTokens,
                completionTokens, deploymentId, arm, rolloutId, rolloutStep, candidates, selection, sources, budget);
    }

    /** The same provenance with the pipeline's record of the turn. */
    public NarrationProvenance judged(List<CandidateReport> candidates, String selection, List<ContextSource> sources) {
        return new NarrationProvenance(model, modelVersion, promptDigest, loreEntryIds, latencyMillis, promptTokens,
                completionTokens, deploymentId, arm, rolloutId, rolloutStep, candidates, selection, sources, budget);
    }

    /** The same provenance with what a reached spend limit did to the turn. */
    public NarrationProvenance budgeted(BudgetDecision decision) {
        return new NarrationProvenance(model, modelVersion, promptDigest, loreEntryIds, latencyMillis, promptTokens,
                completionTokens, deploymentId, arm, rolloutId, rolloutStep, candidates, selection, sources, decision);
    }
}
