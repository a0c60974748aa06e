package io.storyteller.command.training.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerCorpus;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.TrainingSettings;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The house backend trains the reviewer from an export's ratings and preferences, end to end. */
class HouseReviewerTrainingTest {

    private static final ModelRef REVIEWER = new ModelRef("house-classifier:reviewer", "1");

    @TempDir
    Path data;

    private ClassifierStore classifiers() {
        return new ClassifierStore(data.resolve("house-classifiers"));
    }

    private HouseTrainingBackend backend() {
        return new HouseTrainingBackend(classifiers(), new HouseModelStore(data.resolve("house")), TrainingSettings.defaults(),
                HouseGuardrail.DEFAULT_THRESHOLD);
    }

    @Test
    void theReviewerLearnsRatingsAndPreferencesIsCrossValidatedAndServes() throws Exception {
        List<String> ratings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ratings.add(ReviewerCorpus.ratingLine(ReviewerCorpus.good(i), 4 + i % 2));
            ratings.add(ReviewerCorpus.ratingLine(ReviewerCorpus.poor(i), 1 + i % 2));
            ratings.add(ReviewerCorpus.ratingLine("The door is a door " + i + ".", 3));
        }
        List<String> preferences = new ArrayList<>();
        for (int i = 6; i < 10; i++) {
            preferences.add(ReviewerCorpus.preferenceLine(ReviewerCorpus.good(i), ReviewerCorpus.poor(i)));
        }
        TrainingJob job = job(Map.of("crossValidationFolds", "4"), ratings, preferences);
        List<String> stages = new ArrayList<>();

        assertThat(backend().supports(job).supported()).isTrue();
        TrainingOutcome outcome = backend().train(job, (stage, fraction) -> stages.add(stage));

        assertThat(outcome.version()).isEqualTo("1");
        assertThat(outcome.providerModel()).isNull();
        assertThat(outcome.artifactDirectory()).isEqualTo(classifiers().versionDirectory(HouseReviewer.KEY, 1));
        assertThat(outcome.artifactDirectory().resolve("model.onnx")).isNotEmptyFile();
        assertThat(outcome.metrics()).as("12 rated 1-2 or 4-5, 3s left out, 4 preferences of 2")
                .containsEntry("datasetExamples", 20.0).containsEntry("examples", 20.0);
        assertThat(outcome.metrics().get("features")).isPositive();
        assertThat(outcome.metrics().get("crossValidatedAuroc")).isGreaterThan(0.9);
        assertThat(outcome.metrics().get("crossValidatedAccuracy")).isGreaterThan(0.8);
        assertThat(stages).containsExactly("reading", "training", "cross-validating", "storing", "stored");
        assertThat(classifiers().metadata(HouseReviewer.KEY, 1).trainedOn())
                .isEqualTo("export ratings.train.jsonl + preferences.train.jsonl 20");
        assertThat(classifiers().metadata(HouseReviewer.KEY, 1).corpusRange()).isEqualTo(new CorpusRange(3, 90));
        try (HouseClassifiers serving = new HouseClassifiers(classifiers(), HouseGuardrail.DEFAULT_THRESHOLD)) {
            HouseReviewer reviewer = serving.reviewer(REVIEWER).orElseThrow();
            assertThat(reviewer.model()).isEqualTo("house-classifier:reviewer:v1");
            assertThat(reviewer.score(ReviewerCorpus.good(40))).isGreaterThan(reviewer.score(ReviewerCorpus.poor(40)));
        }
    }

    @Test
    void tooFewPoorNarrationsAreRefusedWithTheCountsAndNothingIsStored() throws Exception {
        List<String> ratings = new ArrayList<>();
        ReviewerCorpus.goods(0, 7).forEach(text -> ratings.add(ReviewerCorpus.ratingLine(text, 5)));
        ratings.add(ReviewerCorpus.ratingLine(ReviewerCorpus.poor(0), 1));
        TrainingJob job = job(Map.of("crossValidationFolds", "0"), ratings, null);

        assertThatThrownBy(() -> backend().train(job, (stage, fraction) -> { })).isInstanceOf(TrainingFailedException.class)
                .hasMessageContaining("7 good and 1 poor");
        assertThat(classifiers().versions(HouseReviewer.KEY)).isEmpty();
    }

    /** An export directory with a ratings train file and, unless null, a preferences one. */
    private TrainingJob job(Map<String, String> parameters, List<String> ratings, List<String> preferences) throws Exception {
        Path export = data.resolve("corpora").resolve("e1");
        Files.createDirectories(export);
        Files.writeString(export.resolve("manifest.json"), "{\"firstSequence\":3,\"lastSequenceRead\":90}");
        List<CorpusFile> files = new ArrayList<>();
        files.add(write(export, CorpusDataset.RATINGS, ratings));
        if (preferences != null) {
            files.add(write(export, CorpusDataset.PREFERENCES, preferences));
        }
        files.add(new CorpusFile(CorpusDataset.RATINGS, "holdout", "ratings.holdout.jsonl", 0, "0".repeat(64)));
        return new TrainingJob("ft-1", REVIEWER, null, UseCase.REVIEWER, export, files, parameters, data.resolve("out"));
    }

    private static CorpusFile write(Path export, CorpusDataset dataset, List<String> lines) throws Exception {
        String name = dataset.key() + ".train.jsonl";
        Files.write(export.resolve(name), lines);
        return new CorpusFile(dataset, "train", name, lines.size(), "0".repeat(64));
    }
}
