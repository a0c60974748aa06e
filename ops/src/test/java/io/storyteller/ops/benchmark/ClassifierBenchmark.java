package io.storyteller.ops.benchmark;

import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.detector.DetectorCase;
import io.storyteller.command.housemodel.classifier.detector.DetectorSet;
import io.storyteller.command.housemodel.classifier.detector.DetectorTraining;
import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailCase;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailText;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailTraining;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import java.util.List;
import java.util.function.Consumer;

/**
 * Inference time of the house guardrail and detector per candidate, in process (featurising plus one
 * ONNX Runtime call), on the default models trained from the built-in sets. No server needed:
 * {@code mvn -o -q test-compile exec:java -pl ops -Dexec.classpathScope=test
 * -Dexec.mainClass=io.storyteller.ops.benchmark.ClassifierBenchmark}. Rounds: {@code -Dbench.rounds=N}.
 */
public final class ClassifierBenchmark {

    private static final int WARM_UP_ROUNDS = 3;

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("bench.rounds", 20);
        List<GuardrailCase> guardrailCases = GuardrailSet.builtIn();
        List<DetectorCase> detectorCases = DetectorSet.builtIn();
        TrainingOptions options = TrainingOptions.defaults();

        long trainStart = System.nanoTime();
        var guardrailModel = new GuardrailTraining(options).train(guardrailCases, List.of());
        long guardrailTrained = System.nanoTime();
        var detectorModel = new DetectorTraining(options).train(detectorCases, List.of());
        long detectorTrained = System.nanoTime();
        System.out.printf("training: guardrail %d ms (%d texts, %d features), detector %d ms (%d texts, %d features)%n",
                (guardrailTrained - trainStart) / 1_000_000, guardrailCases.size(), guardrailModel.layout().columns().length,
                (detectorTrained - guardrailTrained) / 1_000_000, detectorCases.size(), detectorModel.layout().columns().length);

        try (ClassifierRuntime guardrailRuntime = ClassifierRuntime.of(guardrailModel, "guardrail");
             ClassifierRuntime detectorRuntime = ClassifierRuntime.of(detectorModel, "detector")) {
            HouseGuardrail guardrail = new HouseGuardrail(guardrailRuntime, HouseGuardrail.DEFAULT_THRESHOLD);
            HouseDetector detector = new HouseDetector(detectorRuntime);
            List<GuardrailText> guardrailTexts = guardrailCases.stream().map(c -> new GuardrailText(c.text(), c.source())).toList();
            List<String> detectorTexts = detectorCases.stream().map(DetectorCase::text).toList();

            report("guardrail, one text per call", rounds, guardrailTexts, text -> guardrail.classify(List.of(text)));
            report("detector, one text per call", rounds, detectorTexts, text -> detector.scores(List.of(text)));
            reportBatch("guardrail, a batch of 5 candidates per call", rounds, guardrailTexts, 5, guardrail::classify);
            reportBatch("detector, a batch of 5 candidates per call", rounds, detectorTexts, 5, detector::scores);
        }
    }

    private static <T> void report(String name, int rounds, List<T> texts, Consumer<T> call) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            texts.forEach(call);
        }
        Latencies latencies = new Latencies();
        for (int round = 0; round < rounds; round++) {
            for (T text : texts) {
                long start = System.nanoTime();
                call.accept(text);
                latencies.add(System.nanoTime() - start);
            }
        }
        System.out.printf("%-45s per call: p50 %.3f ms  p99 %.3f ms  (%d calls)%n", name,
                latencies.percentileMillis(0.5), latencies.percentileMillis(0.99), latencies.count());
    }

    private static <T> void reportBatch(String name, int rounds, List<T> texts, int size, Consumer<List<T>> call) {
        List<List<T>> batches = new java.util.ArrayList<>();
        for (int i = 0; i + size <= texts.size(); i += size) {
            batches.add(texts.subList(i, i + size));
        }
        report(name, rounds, batches, call);
    }
}
