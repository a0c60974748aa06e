package io.storyteller.ops.benchmark;

import io.storyteller.command.housemodel.serving.GenerationResult;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.runtime.onnx.OnnxCausalLm;
import io.storyteller.command.runtime.onnx.OnnxModelDirectory;
import io.storyteller.command.runtime.onnx.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * In-process decoder tokens/s for the test decoder (the tiny ONNX causal LM the runtime tests write):
 * what the generation loop itself costs per token (tokeniser, one ONNX Runtime call, sampling,
 * incremental decoding for streaming), with the key/value cache and with full re-runs, greedy and
 * sampled (temperature 0.8, top-p 0.9). Each generation runs from a one-token prompt to the
 * decoder's 64-token context. Single-threaded. No server needed:
 * <pre>
 * mvn -B -o -q -pl ops -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp ops/target/test-classes:ops/target/classes:$(cat ops/target/bench.classpath) \
 *      io.storyteller.ops.benchmark.DecoderBenchmark      # -Dbench.generations=200
 * </pre>
 */
public final class DecoderBenchmark {

    private static final int WARM_UP_GENERATIONS = 30;

    private DecoderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int generations = Integer.getInteger("bench.generations", 200);
        Path root = Files.createTempDirectory("decoder-benchmark");
        System.out.printf("test decoder: %d-token vocabulary, 64-token context; %d generations per line, after %d warm-up%n",
                TinyModels.VOCABULARY.size(), generations, WARM_UP_GENERATIONS);
        for (boolean cache : List.of(true, false)) {
            Path directory = TinyModels.decoder(root.resolve(cache ? "cache" : "rerun"), cache, 1, 1000);
            try (OnnxCausalLm model = OnnxCausalLm.load(OnnxModelDirectory.read(directory))) {
                report(model, cache ? "key/value cache" : "full re-run", "greedy", new GenerationSettings(0, 1, 63, 1L), generations);
                report(model, cache ? "key/value cache" : "full re-run", "sampled", new GenerationSettings(0.8, 0.9, 63, 1L), generations);
            }
        }
    }

    private static void report(OnnxCausalLm model, String path, String sampling, GenerationSettings settings, int generations) {
        for (int i = 0; i < WARM_UP_GENERATIONS; i++) {
            model.generate("the", settings.withSeed((long) i), List.of(), piece -> { });
        }
        long tokens = 0;
        Latencies perGeneration = new Latencies();
        long start = System.nanoTime();
        for (int i = 0; i < generations; i++) {
            long began = System.nanoTime();
            GenerationResult result = model.generate("the", settings.withSeed((long) i), List.of(), piece -> { });
            perGeneration.add(System.nanoTime() - began);
            tokens += result.completionTokens();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-16s %-8s %8.0f tokens/s  (%d tokens; per %d-token generation p50 %.2f ms, p99 %.2f ms)%n",
                path, sampling, tokens / seconds, tokens, tokens / generations,
                perGeneration.percentileMillis(0.5), perGeneration.percentileMillis(0.99));
    }
}
