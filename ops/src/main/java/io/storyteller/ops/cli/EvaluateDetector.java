package io.storyteller.ops.cli;

import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.detector.DetectorCase;
import io.storyteller.command.housemodel.classifier.detector.DetectorScore;
import io.storyteller.command.housemodel.classifier.detector.DetectorSet;
import io.storyteller.command.housemodel.classifier.detector.DetectorTraining;
import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores the house AI-text detector on a labelled set: the default model (trained on the built-in
 * set, so in-sample when the file is that set) and, with {@code --folds k}, models that never saw
 * the text they score.
 */
@Command(name = "detector", mixinStandardHelpOptions = true,
        description = "AUROC and the false-positive rate at a threshold, for the house AI-text detector.")
class EvaluateDetector implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, description = "JSON lines: {\"id\",\"text\",\"label\":\"human\"|\"generated\"}.")
    Path file;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "Score from which a text counts as generated (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--folds", defaultValue = "5",
            description = "k-fold cross-validation on the file itself; 0 skips it (default: ${DEFAULT-VALUE}).")
    int folds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(threshold >= 0 && threshold <= 1)) {
            err.println("--threshold: must lie between 0 and 1");
            return LabelledFile.UNUSABLE;
        }
        List<DetectorCase> cases = LabelledFile.read(file, DetectorSet::parse, err);
        if (cases == null) {
            return LabelledFile.UNUSABLE;
        }
        if (cases.stream().allMatch(DetectorCase::generated) || cases.stream().noneMatch(DetectorCase::generated)) {
            err.println(file + ": needs both human and generated texts");
            return LabelledFile.UNUSABLE;
        }
        if (folds == 1 || folds < 0 || folds > cases.size()) {
            err.println("--folds: must be 0 or between 2 and the number of cases (" + cases.size() + ")");
            return LabelledFile.UNUSABLE;
        }
        DetectorTraining training = new DetectorTraining(TrainingOptions.defaults());
        out.printf("%d texts in %s, threshold %.2f%n", cases.size(), file, threshold);
        try (ClassifierRuntime runtime = ClassifierRuntime.of(training.train(DetectorSet.builtIn(), List.of()), "default")) {
            double[] scores = new HouseDetector(runtime).scores(cases.stream().map(DetectorCase::text).toList());
            print(out, "default model (trained on the built-in set; in-sample if this is that set)",
                    DetectorScore.of(cases, scores, threshold));
        }
        if (folds >= 2) {
            print(out, folds + "-fold cross-validated (each text scored by a model that never saw it)",
                    DetectorScore.of(cases, training.crossValidate(cases, folds), threshold));
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String title, DetectorScore score) {
        out.println(title + ":");
        out.printf("  AUROC %.3f  false-positive rate %.3f  true-positive rate %.3f  (%d human, %d generated)%n",
                score.auroc(), score.falsePositiveRate(), score.truePositiveRate(), score.human(), score.generated());
    }
}
