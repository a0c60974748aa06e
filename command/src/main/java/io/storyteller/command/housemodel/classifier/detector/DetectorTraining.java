package io.storyteller.command.housemodel.classifier.detector;

import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.ClassifierTrainer;
import io.storyteller.command.housemodel.classifier.Folds;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainedClassifier;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import java.util.ArrayList;
import java.util.List;

/** Trains detector models from labelled cases plus texts from the event log, and cross-validates them. */
public final class DetectorTraining {

    private final ClassifierTrainer trainer = new ClassifierTrainer();
    private final TrainingOptions options;

    public DetectorTraining(TrainingOptions options) {
        this.options = options;
    }

    /** @param logged human and generated texts from the event log, already labelled */
    public TrainedClassifier train(List<DetectorCase> cases, List<LabelledText> logged) {
        List<LabelledText> examples = new ArrayList<>(cases.stream().map(DetectorCase::example).toList());
        examples.addAll(logged);
        return trainer.train(examples, options);
    }

    /** Each case's score from a model that never saw it (k folds). */
    public double[] crossValidate(List<DetectorCase> cases, int folds) {
        List<Double> scores = Folds.crossValidate(cases, folds, options.seed(), (training, heldOut) -> {
            try (ClassifierRuntime runtime = ClassifierRuntime.of(train(training, List.of()), "cross-validation")) {
                double[] held = new HouseDetector(runtime).scores(heldOut.stream().map(DetectorCase::text).toList());
                return java.util.Arrays.stream(held).boxed().toList();
            }
        });
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
