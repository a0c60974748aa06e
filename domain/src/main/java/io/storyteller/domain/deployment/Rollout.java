package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/** The Deployment aggregate's memory of its rollout in progress: enough to decide its next move. */
record Rollout(String rolloutId, ModelRef candidate, RolloutStrategy strategy, int step, boolean paused) {

    RolloutPhase phase() {
        return strategy.phaseAt(step);
    }

    int weight() {
        return strategy.weightAt(step);
    }

    Rollout at(int nextStep) {
        return new Rollout(rolloutId, candidate, strategy, nextStep, paused);
    }

    Rollout pausedAs(boolean isPaused) {
        return new Rollout(rolloutId, candidate, strategy, step, isPaused);
    }
}
