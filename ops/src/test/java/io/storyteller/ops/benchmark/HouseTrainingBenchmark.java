package io.storyteller.ops.benchmark;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.TrainingSettings;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.command.training.house.HouseTrainingBackend;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Training time of each house model through the {@code house} training backend (read the export,
 * train, export to ONNX, store): the detector and the guardrail on their shipped sets plus a seeded
 * export, the house narrator on a seeded SFT export; the reviewer on a ratings export. Each model is
 * trained {@code -Dbench.rounds} times (seed varied, so no cached model is reused) and the median
 * and fastest round are reported with the load average. No server needed:
 * {@code mvn -o -q -pl ops test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.storyteller.ops.benchmark.HouseTrainingBenchmark}. Sizes:
 * {@code -Dbench.detector-records} (1000), {@code -Dbench.guardrail-records} (200),
 * {@code -Dbench.sft-records} (5000), {@code -Dbench.rating-records} (2000); {@code -Dbench.cross-validate=true}
 * adds 5-fold figures.
 */
public final class HouseTrainingBenchmark {

    private HouseTrainingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int detectorRecords = Integer.getInteger("bench.detector-records", 1000);
        int guardrailRecords = Integer.getInteger("bench.guardrail-records", 200);
        int sftRecords = Integer.getInteger("bench.sft-records", 5000);
        int ratingRecords = Integer.getInteger("bench.rating-records", 2000);
        String folds = Boolean.getBoolean("bench.cross-validate") ? "5" : "0";
        Path data = Files.createTempDirectory("house-training-bench");
        HouseTrainingExport export = new HouseTrainingExport(data.resolve("export"), 7)
                .detector(detectorRecords).guardrail(guardrailRecords).sft(sftRecords)
                .ratings(ratingRecords);
        HouseTrainingBackend backend = new HouseTrainingBackend(new ClassifierStore(data.resolve("house-classifiers")),
                new HouseModelStore(data.resolve("house")), TrainingSettings.defaults(), HouseGuardrail.DEFAULT_THRESHOLD);

        System.out.printf("cores %d, load average before %s%n", Runtime.getRuntime().availableProcessors(), load());
        run(backend, export, data, rounds, "detector (shipped 228 + export " + detectorRecords + ")", UseCase.DETECTOR,
                new ModelRef("house-classifier:detector", "1"), folds);
        run(backend, export, data, rounds, "guardrail (shipped 940 + export " + guardrailRecords + ")", UseCase.GUARDRAIL,
                new ModelRef("house-classifier:guardrail", "1"), folds);
        run(backend, export, data, rounds, "narrator (export " + sftRecords + " SFT records)", UseCase.NARRATOR,
                new ModelRef("house:bench", "1"), folds);
        run(backend, export, data, rounds, "reviewer (export " + ratingRecords + " ratings)", UseCase.REVIEWER,
                new ModelRef("house-classifier:reviewer", "1"), folds);
        System.out.printf("load average after %s%n", load());
    }

    private static void run(HouseTrainingBackend backend, HouseTrainingExport export, Path data, int rounds, String name,
            UseCase useCase, ModelRef base, String folds) {
        List<Double> seconds = new ArrayList<>();
        TrainingOutcome last = null;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            last = backend.train(job(export, data, useCase, base, folds, round), (stage, fraction) -> { });
            seconds.add((System.nanoTime() - started) / 1e9);
        }
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        System.out.printf("%-50s median %6.2f s  fastest %6.2f s  (%d rounds)  metrics %s%n", name,
                sorted.get(sorted.size() / 2), sorted.getFirst(), rounds, last.metrics());
    }

    private static TrainingJob job(HouseTrainingExport export, Path data, UseCase useCase, ModelRef base, String folds,
            int round) {
        return new TrainingJob("bench-" + round, base, null, useCase, data.resolve("export"), export.files(),
                Map.of("seed", String.valueOf(7 + round), "crossValidationFolds", folds), data.resolve("out"));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
