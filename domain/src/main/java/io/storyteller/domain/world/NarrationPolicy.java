package io.storyteller.domain.world;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.time.Duration;
import java.util.List;

/**
 * How a world's turns are narrated: how many candidates compete and from which narrator
 * deployments, how long a turn may take, when a candidate reads too machine-written, and what
 * happens to one the guardrail refuses.
 *
 * @param candidates        candidates generated per turn, concurrently (1..5)
 * @param deployments       narrator deployments the candidates come from, taken in turn; empty
 *                          means the world's own narrator slot, else the global one
 * @param deadline          the turn's budget for generating every candidate; a candidate not done
 *                          by then is dropped if another one succeeded
 * @param detectorThreshold a candidate the detector scores above this reads machine-written (0..1)
 * @param maxTries          generation rounds per turn (1..3): a round after the first regenerates
 *                          with feedback when every candidate so far failed a check
 * @param guardrailAction   what to do with a candidate the world's content rating does not allow
 */
public record NarrationPolicy(int candidates,
        List<String> deployments,
        Duration deadline,
        double detectorThreshold,
        int maxTries,
        GuardrailAction guardrailAction) {

    public static final int MAX_CANDIDATES = 5;
    public static final int MAX_TRIES = 3;
    public static final Duration MAX_DEADLINE = Duration.ofMinutes(5);

    public NarrationPolicy {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    /**
     * What a world without a policy of its own gets: one candidate (an ensemble multiplies what a
     * paid provider costs, so a world opts in), checked and regenerated once when refused.
     */
    public static NarrationPolicy defaults() {
        return new NarrationPolicy(1, List.of(), Duration.ofSeconds(60), 0.9, 2, GuardrailAction.REGENERATE);
    }

    /** The same policy, checked; rejects naming the first field that breaks a rule. */
    public NarrationPolicy validated() {
        Require.range("policy.candidates", candidates, 1, MAX_CANDIDATES);
        List<String> slots = Require.texts("policy.deployments", deployments, MAX_CANDIDATES, 200);
        for (int i = 0; i < slots.size(); i++) {
            if (!slots.get(i).startsWith("narrator:")) {
                throw DomainRejection.invalid("policy.deployments[" + i + "]", "narrator-slot",
                        "policy.deployments[" + i + "] must name a narrator deployment (narrator:…) but was " + slots.get(i));
            }
            Require.id("policy.deployments[" + i + "]", slots.get(i));
        }
        Require.present("policy.deadline", deadline);
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw DomainRejection.invalid("policy.deadline", "range:PT0S..PT5M",
                    "policy.deadline must be positive and at most 5 minutes but was " + deadline);
        }
        if (!(detectorThreshold >= 0 && detectorThreshold <= 1)) {
            throw DomainRejection.invalid("policy.detectorThreshold", "range:0..1",
                    "policy.detectorThreshold must be between 0 and 1 but was " + detectorThreshold);
        }
        Require.range("policy.maxTries", maxTries, 1, MAX_TRIES);
        Require.present("policy.guardrailAction", guardrailAction);
        return new NarrationPolicy(candidates, slots, deadline, detectorThreshold, maxTries, guardrailAction);
    }
}
