package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;

/**
 * Evaluates a chat model version by replaying recorded player actions through it (a world's, or
 * all worlds' when {@code worldId} is null) and records the result on the model as
 * {@link RecordModelEvaluation} under {@code evaluationId}, which the resulting
 * {@link ModelEvaluated} carries back to whoever asked. Accepted at once; the replay runs later, so
 * the asker waits for the event, not for the command's answer.
 */
public record EvaluateModelByReplay(ModelRef model,
        String worldId,
        String evaluationId,
        Actor actor) {
}
