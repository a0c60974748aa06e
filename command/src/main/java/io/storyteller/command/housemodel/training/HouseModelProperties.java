package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.serving.GenerationSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worlds' house models are trained and served ({@code storyteller.house-model.*}).
 *
 * @param enabled                 train and serve house models at all; off leaves no house narrator
 * @param retrainDelay            pause between two retraining passes over the worlds that changed
 * @param retrainMinNewDocuments  new or rewritten beats and lore entries that make a world's model stale
 *                                (any lore change always does)
 * @param maxVocabulary           words kept per model (the model holds two V×V matrices: 1024 ≈ 8 MB)
 * @param includeHouseNarrations  train on narrations the house models wrote themselves; off by default
 *                                so that a model does not learn from its own output
 * @param temperature             sampling temperature of house narrations, unless the prompt sets one
 * @param topP                    nucleus size of house narrations, unless the prompt sets one
 * @param maxTokens               longest house narration in words and punctuation marks, unless the prompt sets one
 */
@ConfigurationProperties("storyteller.house-model")
public record HouseModelProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration retrainDelay,
        @DefaultValue("20") int retrainMinNewDocuments,
        @DefaultValue("1024") int maxVocabulary,
        @DefaultValue("false") boolean includeHouseNarrations,
        @DefaultValue("0.8") double temperature,
        @DefaultValue("0.9") double topP,
        @DefaultValue("120") int maxTokens) {

    public HouseModelProperties {
        if (retrainDelay == null || retrainDelay.isNegative() || retrainDelay.isZero()) {
            throw new IllegalArgumentException("storyteller.house-model.retrain-delay must be positive");
        }
        if (retrainMinNewDocuments < 1) {
            throw new IllegalArgumentException("storyteller.house-model.retrain-min-new-documents must be at least 1");
        }
        // Fail at start-up rather than at the first training.
        trainingSettings(maxVocabulary);
        new GenerationSettings(temperature, topP, maxTokens, null);
    }

    /** The defaults, for code that runs without Spring (tests, tools). */
    public static HouseModelProperties defaults() {
        return new HouseModelProperties(true, Duration.ofSeconds(10), 20, 1024, false, 0.8, 0.9, 120);
    }

    public TrainingSettings trainingSettings() {
        return trainingSettings(maxVocabulary);
    }

    public GenerationSettings generationSettings() {
        return new GenerationSettings(temperature, topP, maxTokens, null);
    }

    private static TrainingSettings trainingSettings(int maxVocabulary) {
        return TrainingSettings.defaults().withMaxVocabulary(maxVocabulary);
    }
}
