package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import java.time.Instant;

/**
 * A recorded decision of a deployment that shaped a narration's route: what put the stable model in
 * place, what started the rollout, the analysis or step change that brought it to its step.
 * {@code model} is the version the decision concerns (the new stable, the candidate); rollout
 * fields, step and verdict are null where they do not apply.
 */
public record RouteDecision(RouteDecisionKind kind,
        Instant decidedAt,
        ModelRef model,
        String rolloutId,
        Integer step,
        Verdict verdict,
        String rationale,
        String decidedBy) {
}
