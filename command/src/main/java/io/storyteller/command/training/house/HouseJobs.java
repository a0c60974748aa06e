package io.storyteller.command.training.house;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.training.ModelKeys;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.model.UseCase;
import java.util.Optional;

/**
 * Which jobs the house can train, and the reason it cannot otherwise, phrased for the requester:
 * the detector from {@code house-classifier:detector} and a DETECTOR export, the guardrail from
 * {@code house-classifier:guardrail} and a GUARDRAIL export, the reviewer from
 * {@code house-classifier:reviewer} and a RATINGS or PREFERENCES export, a world's narrator from
 * {@code house:<worldId>} (or {@code house:platform}) and an SFT export with records. The embedder
 * is no house model.
 */
final class HouseJobs {

    static final String NARRATOR_PREFIX = "house:";

    private HouseJobs() {
    }

    static Optional<String> support(TrainingJob job, boolean classifiersOn, boolean narratorsOn) {
        if (job.useCase() == null) {
            return Optional.of("useCase is required");
        }
        if (job.base() == null || job.base().modelId() == null) {
            return Optional.of("base is required: the house model to train a new version of");
        }
        if (job.datasetDirectory() == null) {
            return Optional.of("datasetDirectory is required: the corpus export to train on");
        }
        String base = job.base().modelId();
        return switch (job.useCase()) {
            case EMBEDDER -> Optional.of("the house trains no embedder: the bundled embedder is not trained here");
            case DETECTOR, GUARDRAIL, REVIEWER -> classifier(job, base, classifiersOn);
            case NARRATOR -> narrator(job, base, narratorsOn);
        };
    }

    private static Optional<String> classifier(TrainingJob job, String base, boolean classifiersOn) {
        String key = HouseTrainingBackend.classifierKey(job.useCase());
        if (!classifiersOn) {
            return Optional.of("the house classifiers are disabled (storyteller.house-classifier.enabled=false)");
        }
        if (!ClassifierMetadata.modelId(key).equals(base)) {
            return Optional.of("base " + base + " is not the house " + key + ": the house trains "
                    + ClassifierMetadata.modelId(key) + " for " + job.useCase().key());
        }
        if (job.useCase() == UseCase.REVIEWER) {
            if (trainFile(job, CorpusDataset.RATINGS).isEmpty() && trainFile(job, CorpusDataset.PREFERENCES).isEmpty()) {
                return Optional.of("the export has no ratings or preferences train file: export the RATINGS or "
                        + "PREFERENCES dataset");
            }
            return new HouseHyperParameters(job.hyperParameters()).problem(false);
        }
        CorpusDataset dataset = job.useCase() == UseCase.DETECTOR ? CorpusDataset.DETECTOR : CorpusDataset.GUARDRAIL;
        if (trainFile(job, dataset).isEmpty()) {
            return Optional.of("the export has no " + dataset.key() + " train file: export the "
                    + dataset.name() + " dataset");
        }
        return new HouseHyperParameters(job.hyperParameters()).problem(false);
    }

    private static Optional<String> narrator(TrainingJob job, String base, boolean narratorsOn) {
        if (!narratorsOn) {
            return Optional.of("the house narrator is disabled (storyteller.house-model.enabled=false)");
        }
        if (!base.startsWith(NARRATOR_PREFIX) || base.length() == NARRATOR_PREFIX.length()) {
            return Optional.of("base " + base + " is not a house narrator (house:<worldId>): "
                    + "the house trains only its own narrators");
        }
        Optional<CorpusFile> sft = trainFile(job, CorpusDataset.SFT);
        if (sft.isEmpty() || sft.get().records() < 1) {
            return Optional.of("the export has no sft train records: export the SFT dataset of a world that was played");
        }
        return new HouseHyperParameters(job.hyperParameters()).problem(true);
    }

    /** The store key of {@code house:<worldId>}, as the deployments' house runtime reads it. */
    static String narratorKey(String modelId) {
        return ModelKeys.ofHouseModel(modelId.substring(NARRATOR_PREFIX.length()));
    }

    private static Optional<CorpusFile> trainFile(TrainingJob job, CorpusDataset dataset) {
        return job.files().stream().filter(file -> file.dataset() == dataset && HouseDataset.TRAIN.equals(file.split()))
                .findFirst();
    }
}
