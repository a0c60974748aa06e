package io.storyteller.command.housemodel.classifier.guardrail;

import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.ClassifierTrainer;
import io.storyteller.command.housemodel.classifier.Folds;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainedClassifier;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import java.util.ArrayList;
import java.util.List;

/** Trains guardrail models from labelled cases and admin flags, and cross-validates them. */
public final class GuardrailTraining {

    private final ClassifierTrainer trainer = new ClassifierTrainer();
    private final TrainingOptions options;

    public GuardrailTraining(TrainingOptions options) {
        this.options = options;
    }

    public TrainedClassifier train(List<GuardrailCase> cases, List<LabelledText> flags) {
        List<LabelledText> examples = new ArrayList<>(cases.stream().map(GuardrailCase::example).toList());
        examples.addAll(flags);
        return trainer.train(examples, options);
    }

    /** Each case's verdict from a model that never saw it (k folds). */
    public List<GuardrailVerdict> crossValidate(List<GuardrailCase> cases, int folds, double threshold) {
        return Folds.crossValidate(cases, folds, options.seed(), (training, heldOut) -> {
            try (ClassifierRuntime runtime = ClassifierRuntime.of(train(training, List.of()), "cross-validation")) {
                return new HouseGuardrail(runtime, threshold).classify(heldOut.stream()
                        .map(c -> new GuardrailText(c.text(), c.source())).toList());
            }
        });
    }
}
