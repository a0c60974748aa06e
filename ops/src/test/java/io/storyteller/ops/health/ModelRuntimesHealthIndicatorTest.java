package io.storyteller.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.ops.health.ModelRuntimesHealthIndicator.Runtime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ModelRuntimesHealthIndicatorTest {

    @Test
    void theBundledEmbedderAndOnnxRuntimeLoadAndAnswer() {
        try (SentenceEmbedder embedder = SentenceEmbedder.bundled()) {
            Health health = new ReadinessIndicators().modelsHealthIndicator(embedder).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("houseEmbedder", SentenceEmbedder.MODEL_ID + " answered");
            assertThat(health.getDetails().get("onnxRuntime")).asString().startsWith("loaded, version ");
        }
    }

    @Test
    void aRuntimeThatCannotLoadIsDownNamingOnlyTheErrorType() {
        var indicator = new ModelRuntimesHealthIndicator(List.of(new Runtime("houseEmbedder", () -> {
            throw new IllegalStateException("cannot read /secret/path/model.onnx");
        })));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("houseEmbedder", "not loaded (IllegalStateException)");
    }

    @Test
    void aRuntimeThatAnsweredIsNotProbedAgainWhileOneThatFailedIs() {
        AtomicInteger loaded = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        var indicator = new ModelRuntimesHealthIndicator(List.of(
                new Runtime("narrator", () -> "answered " + loaded.incrementAndGet()),
                new Runtime("classifier", () -> {
                    if (failing.incrementAndGet() < 3) {
                        throw new IllegalStateException("not yet");
                    }
                    return "answered";
                })));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        Health third = indicator.health();

        assertThat(third.getStatus()).isEqualTo(Status.UP);
        assertThat(third.getDetails()).containsEntry("narrator", "answered 1");
        assertThat(loaded).hasValue(1);
        assertThat(indicator.loaded()).containsExactlyInAnyOrder("narrator", "classifier");
    }
}
