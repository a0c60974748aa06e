package io.storyteller.command.housemodel.serving;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Top-p (nucleus) sampling: keep the most likely tokens until their share of the allowed mass
 * reaches p, then draw among them in proportion to their probability. Stateless.
 */
final class NucleusSampler {

    private NucleusSampler() {
    }

    /**
     * @param probabilities next-token distribution
     * @param allowed       which token ids may be drawn (the others are treated as probability 0)
     * @return the drawn id, or -1 when no allowed token has any probability
     */
    static int sample(float[] probabilities, boolean[] allowed, double topP, RandomGenerator random) {
        Integer[] nucleus = nucleus(probabilities, allowed, topP);
        if (nucleus.length == 0) {
            return -1;
        }
        double mass = 0;
        for (int id : nucleus) {
            mass += probabilities[id];
        }
        double draw = random.nextDouble() * mass;
        for (int id : nucleus) {
            draw -= probabilities[id];
            if (draw < 0) {
                return id;
            }
        }
        return nucleus[nucleus.length - 1];
    }

    /** Allowed ids in descending probability (ties by id), cut where the mass first reaches topP. */
    static Integer[] nucleus(float[] probabilities, boolean[] allowed, double topP) {
        Integer[] candidates = new Integer[probabilities.length];
        int count = 0;
        double total = 0;
        for (int id = 0; id < probabilities.length; id++) {
            if (allowed[id] && probabilities[id] > 0) {
                candidates[count++] = id;
                total += probabilities[id];
            }
        }
        Integer[] sorted = Arrays.copyOf(candidates, count);
        Arrays.sort(sorted, (a, b) -> probabilities[a] != probabilities[b]
                ? Float.compare(probabilities[b], probabilities[a]) : Integer.compare(a, b));
        double kept = 0;
        for (int i = 0; i < sorted.length; i++) {
            kept += probabilities[sorted[i]];
            if (kept >= topP * total) {
                return Arrays.copyOf(sorted, i + 1);
            }
        }
        return sorted;
    }
}
