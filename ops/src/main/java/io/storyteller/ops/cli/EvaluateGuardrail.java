package io.storyteller.ops.cli;

import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailCase;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailLabels;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailScore;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailText;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailTraining;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailVerdict;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.domain.world.ContentRating;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores the house guardrail on a labelled set: the default model (trained on the built-in set,
 * so in-sample when the file is that set) and, with {@code --folds k}, models that never saw the
 * case they judge.
 */
@Command(name = "guardrail", mixinStandardHelpOptions = true,
        description = "Accuracy per content rating and texts passed where not allowed, for the house guardrail.")
class EvaluateGuardrail implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, split = ",",
            description = "JSON lines: {\"id\",\"text\",\"source\",\"categories\",\"severity\",\"allowed\":{\"E\",\"T\",\"M\",\"AO\"}}; "
                    + "several files (comma-separated or repeated) are scored as one set.")
    List<Path> files;

    @Option(names = "--folds", defaultValue = "5",
            description = "k-fold cross-validation on the file itself; 0 skips it (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--threshold", defaultValue = "" + HouseGuardrail.DEFAULT_THRESHOLD, split = ",",
            description = "Calibrated score from which a severity level counts; several (comma-separated) print "
                    + "one table each from the same models (default: ${DEFAULT-VALUE}).")
    List<Double> thresholds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (thresholds.stream().anyMatch(threshold -> !(threshold > 0 && threshold < 1))) {
            err.println("--threshold: must lie between 0 and 1");
            return LabelledFile.UNUSABLE;
        }
        List<GuardrailCase> cases = new ArrayList<>();
        for (Path file : files) {
            List<GuardrailCase> read = LabelledFile.read(file, GuardrailSet::parse, err);
            if (read == null) {
                return LabelledFile.UNUSABLE;
            }
            cases.addAll(read);
        }
        if (folds == 1 || folds < 0 || folds > cases.size()) {
            err.println("--folds: must be 0 or between 2 and the number of cases (" + cases.size() + ")");
            return LabelledFile.UNUSABLE;
        }
        GuardrailTraining training = new GuardrailTraining(TrainingOptions.defaults());
        out.printf("%d cases in %s%n", cases.size(), files);
        // Verdicts carry their calibrated scores: one set of models serves every threshold.
        List<GuardrailVerdict> inSample;
        try (ClassifierRuntime runtime = ClassifierRuntime.of(training.train(GuardrailSet.builtIn(), List.of()), "default")) {
            inSample = new HouseGuardrail(runtime, thresholds.getFirst())
                    .classify(cases.stream().map(c -> new GuardrailText(c.text(), c.source())).toList());
        }
        List<GuardrailVerdict> crossValidated = folds >= 2 ? training.crossValidate(cases, folds, thresholds.getFirst()) : null;
        for (double threshold : thresholds) {
            out.printf("threshold %.2f%n", threshold);
            print(out, "default model (trained on " + GuardrailSet.builtInName() + "; in-sample for those files)",
                    GuardrailScore.of(cases, at(inSample, threshold)));
            if (crossValidated != null) {
                print(out, folds + "-fold cross-validated (each case judged by a model that never saw it)",
                        GuardrailScore.of(cases, at(crossValidated, threshold)));
            }
        }
        out.flush();
        return 0;
    }

    private static List<GuardrailVerdict> at(List<GuardrailVerdict> verdicts, double threshold) {
        return verdicts.stream().map(v -> new GuardrailVerdict(GuardrailLabels.decode(v.scores(), threshold), v.scores(),
                v.model())).toList();
    }

    private static void print(PrintWriter out, String title, GuardrailScore score) {
        out.println(title + ":");
        for (ContentRating rating : ContentRating.values()) {
            out.printf("  %-8s %-3s accuracy %.3f  passed where not allowed %d of %d%n", rating,
                    GuardrailSet.RATING_CODES.get(rating), score.accuracy().get(rating),
                    score.passedWhereNotAllowed().get(rating), score.notAllowed().get(rating));
        }
        for (ContentRating rating : ContentRating.values()) {
            out.printf("  %-8s refused where allowed %d of %d%n", rating, score.refusedWhereAllowed().get(rating),
                    score.cases() - score.notAllowed().get(rating));
        }
        out.printf("  passed where not allowed, all ratings: %d of %d%n",
                score.passedWhereNotAllowedTotal(), score.notAllowedTotal());
    }
}
