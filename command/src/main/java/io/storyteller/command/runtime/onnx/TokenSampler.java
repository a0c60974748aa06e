package io.storyteller.command.runtime.onnx;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Picks the next token from a causal LM's logits: greedy (the most likely id, the lowest on a tie)
 * at temperature 0 or below, otherwise a draw from the softmax at that temperature restricted to
 * the nucleus: the most likely tokens whose mass first reaches top-p (at least one). So a top-p
 * near 0 is greedy at any temperature. Stateless.
 */
final class TokenSampler {

    private TokenSampler() {
    }

    static int next(float[] logits, double temperature, double topP, RandomGenerator random) {
        if (temperature <= 0) {
            return argmax(logits);
        }
        double max = logits[argmax(logits)];
        double[] weights = new double[logits.length];
        double total = 0;
        for (int id = 0; id < logits.length; id++) {
            weights[id] = Math.exp((logits[id] - max) / temperature);
            total += weights[id];
        }
        if (topP >= 1) {
            return draw(weights, null, weights.length, total, random);
        }
        // Descending weight, ties by id: one primitive sort of packed keys, fast enough for 50k-token vocabularies.
        long[] order = new long[weights.length];
        for (int id = 0; id < weights.length; id++) {
            float weight = (float) weights[id];
            order[id] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(weight)) << 32) | id;
        }
        Arrays.sort(order);
        int[] nucleus = new int[order.length];
        int kept = 0;
        double mass = 0;
        while (kept < order.length) {
            int id = (int) order[kept];
            nucleus[kept++] = id;
            mass += weights[id];
            if (mass >= topP * total) {
                break;
            }
        }
        return draw(weights, nucleus, kept, mass, random);
    }

    private static int draw(double[] weights, int[] ids, int count, double mass, RandomGenerator random) {
        double left = random.nextDouble() * mass;
        for (int i = 0; i < count; i++) {
            int id = ids == null ? i : ids[i];
            left -= weights[id];
            if (left < 0) {
                return id;
            }
        }
        return ids == null ? count - 1 : ids[count - 1];
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int id = 1; id < logits.length; id++) {
            if (logits[id] > logits[best]) {
                best = id;
            }
        }
        return best;
    }
}
