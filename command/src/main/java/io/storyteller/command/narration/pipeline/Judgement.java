package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.story.ContextSource;
import io.storyteller.domain.story.StageVerdict;
import java.util.List;

/**
 * A draft with every check's verdict; scores are null for a draft that failed.
 *
 * @param stages the routed judge-stage calls on the draft, deciding and mirrored
 */
public record Judgement(Draft draft, CandidateScores scores, List<ContextSource> factsUsed, List<StageVerdict> stages) {

    public Judgement {
        factsUsed = factsUsed == null ? List.of() : List.copyOf(factsUsed);
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A judgement no stage deployment routed. */
    public Judgement(Draft draft, CandidateScores scores, List<ContextSource> factsUsed) {
        this(draft, scores, factsUsed, List.of());
    }

    static Judgement failed(Draft draft) {
        return new Judgement(draft, null, List.of());
    }

    boolean answered() {
        return scores != null;
    }

    /** Whether the world's content rating allows it. */
    boolean allowed() {
        return answered() && (scores.guardrail() == null || scores.guardrail().allowed());
    }

    /** Whether the detector scored it above the threshold. */
    boolean machineWritten(double threshold) {
        return answered() && scores.detector() != null && scores.detector() > threshold;
    }
}
