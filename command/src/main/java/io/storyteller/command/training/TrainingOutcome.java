package io.storyteller.command.training;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a training run made: either a model a provider now serves under {@code providerModel} (a
 * fine-tuning API's result, e.g. {@code ft:gpt-4o-mini:acme::abc123}), or files in
 * {@code artifactDirectory} (house models, an external program's output). The training metrics
 * (loss, accuracy, examples seen, seconds) go into the new version's lineage.
 *
 * @param version       the version name the files are stored under when the backend's own store
 *                      numbers them (the house models: {@code "4"}); null: the fine-tuning names it
 * @param externalJobId the provider's job id, when there was one
 */
public record TrainingOutcome(String providerModel,
        Path artifactDirectory,
        String version,
        Map<String, Double> metrics,
        String externalJobId) {

    public TrainingOutcome {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        if ((providerModel == null) == (artifactDirectory == null)) {
            throw new IllegalArgumentException("a training outcome is either a provider's model or a directory of files");
        }
    }
}
