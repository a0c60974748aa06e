package io.storyteller.command.housemodel.classifier.reviewer;

import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.ClassifierTrainer;
import io.storyteller.command.housemodel.classifier.Folds;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainedClassifier;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import java.util.Arrays;
import java.util.List;

/**
 * Trains the house reviewer: a binary classifier of narrations players keep and rate well against
 * those they rate poorly or reject ({@link ReviewerExamples}). Unlike the detector and the guardrail
 * it has no shipped set: it learns only what players said, so it refuses to train on too few of
 * either kind (a model that saw three poor narrations has learnt their words, not their fault); the
 * training backend turns the refusal, which names the counts, into its failure.
 */
public final class ReviewerTraining {

    /** Fewest examples of each kind it trains on. */
    public static final int MIN_PER_CLASS = 5;

    private final ClassifierTrainer trainer = new ClassifierTrainer();
    private final TrainingOptions options;

    public ReviewerTraining(TrainingOptions options) {
        this.options = options;
    }

    public TrainedClassifier train(List<LabelledText> examples) {
        requireEnough(examples);
        return trainer.train(examples, options);
    }

    /** Each example's P(good) from a model that never saw it (k folds). */
    public double[] crossValidate(List<LabelledText> examples, int folds) {
        requireEnough(examples);
        List<Double> scores = Folds.crossValidate(examples, folds, options.seed(), (training, heldOut) -> {
            try (ClassifierRuntime runtime = ClassifierRuntime.of(trainer.train(training, options), "cross-validation")) {
                double[] held = new HouseReviewer(runtime).scores(heldOut.stream().map(LabelledText::text).toList());
                return Arrays.stream(held).boxed().toList();
            }
        });
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static long good(List<LabelledText> examples) {
        return examples.stream().filter(ReviewerTraining::isGood).count();
    }

    public static boolean isGood(LabelledText example) {
        return example.labels().contains(HouseReviewer.GOOD);
    }

    private static void requireEnough(List<LabelledText> examples) {
        long good = good(examples);
        long poor = examples.size() - good;
        if (good < MIN_PER_CLASS || poor < MIN_PER_CLASS) {
            throw new IllegalArgumentException("the reviewer needs at least " + MIN_PER_CLASS + " good and "
                    + MIN_PER_CLASS + " poor narrations (ratings 4-5 or chosen; ratings 1-2 or rejected); the export has "
                    + good + " good and " + poor + " poor");
        }
    }
}
