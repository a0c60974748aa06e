package io.storyteller.domain.deployment;

import io.storyteller.domain.model.Quantities;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a candidate is rolled out: an optional shadow phase, then canary steps of increasing weight
 * (percent of calls, the last 100), each analysed every {@code analysisInterval} once both arms
 * have {@code minSamples}, against the gates.
 * <p>
 * A rollout's {@code step} is its position in {@link #plan()}: with a shadow phase step 0 is the
 * shadow (weight 0) and canary step i is step i + 1; without one, canary step i is step i.
 */
public record RolloutStrategy(ShadowPhase shadow,
        List<Integer> canarySteps,
        Duration analysisInterval,
        int minSamples,
        RolloutGates gates) {

    static final int MAX_STEPS = 20;

    public RolloutStrategy validated(String field) {
        return new RolloutStrategy(shadow == null ? null : shadow.validated(field + ".shadow"),
                steps(field + ".canarySteps"),
                Quantities.positive(field + ".analysisInterval", analysisInterval),
                Require.range(field + ".minSamples", minSamples, 1, 10_000_000),
                Require.present(field + ".gates", gates).validated(field + ".gates"));
    }

    /** The candidate's weight at each step: 0 for the shadow phase if there is one, then the canary steps. */
    public List<Integer> plan() {
        var weights = new ArrayList<Integer>();
        if (shadow != null) {
            weights.add(0);
        }
        weights.addAll(canarySteps);
        return List.copyOf(weights);
    }

    public int lastStep() {
        return plan().size() - 1;
    }

    public int weightAt(int step) {
        return plan().get(step);
    }

    public RolloutPhase phaseAt(int step) {
        return shadow != null && step == 0 ? RolloutPhase.SHADOW : RolloutPhase.CANARY;
    }

    /** The samples the candidate needs at a step: in the shadow phase also its mirrored requests. */
    public long candidateSamplesAt(int step) {
        if (phaseAt(step) == RolloutPhase.SHADOW && shadow.mirroredRequests() != null) {
            return Math.max(minSamples, shadow.mirroredRequests());
        }
        return minSamples;
    }

    private List<Integer> steps(String field) {
        if (canarySteps == null || canarySteps.isEmpty()) {
            throw DomainRejection.invalid(field, "required", "a rollout has at least one canary step");
        }
        if (canarySteps.size() > MAX_STEPS) {
            throw DomainRejection.invalid(field, "max-count:" + MAX_STEPS, "a rollout has at most " + MAX_STEPS + " canary steps");
        }
        int previous = 0;
        for (int i = 0; i < canarySteps.size(); i++) {
            int weight = Require.range(field + "[" + i + "]", Require.present(field + "[" + i + "]", canarySteps.get(i)), 1, 100);
            if (weight <= previous) {
                throw DomainRejection.invalid(field + "[" + i + "]", "increasing", "canary weights strictly increase");
            }
            previous = weight;
        }
        if (previous != 100) {
            throw DomainRejection.invalid(field, "last:100", "the last canary step gives the candidate all calls (100)");
        }
        return List.copyOf(canarySteps);
    }
}
