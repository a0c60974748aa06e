package io.storyteller.command.housemodel.serving;

/**
 * How a house model samples.
 *
 * @param temperature softmax temperature; higher is more varied. Zero or less means greedy
 * @param topP        nucleus size: sample among the most likely tokens whose mass reaches topP
 * @param maxTokens   hard cap on generated tokens
 * @param seed        fixes the random draws (same seed, same model, same prompt → same text); null for random
 */
public record GenerationSettings(double temperature, double topP, int maxTokens, Long seed) {

    public GenerationSettings {
        if (Double.isNaN(temperature) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must lie in (0, 1]");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1");
        }
    }

    public static GenerationSettings defaults() {
        return new GenerationSettings(0.8, 0.9, 120, null);
    }

    public GenerationSettings withTemperature(double temperature) {
        return new GenerationSettings(temperature, topP, maxTokens, seed);
    }

    public GenerationSettings withTopP(double topP) {
        return new GenerationSettings(temperature, topP, maxTokens, seed);
    }

    public GenerationSettings withMaxTokens(int maxTokens) {
        return new GenerationSettings(temperature, topP, maxTokens, seed);
    }

    public GenerationSettings withSeed(Long seed) {
        return new GenerationSettings(temperature, topP, maxTokens, seed);
    }
}
