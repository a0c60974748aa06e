package io.storyteller.ops.health;

import ai.onnxruntime.OrtEnvironment;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.ops.processing.ProcessorProgress;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health components readiness adds to {@code db} and {@code search} (see
 * {@code management.endpoint.health.group.readiness.include}); liveness keeps only the
 * application's own state, with no call to anything.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadinessProperties.class)
class ReadinessIndicators {

    @Bean
    ProcessorsHealthIndicator processorsHealthIndicator(ProcessorProgress progress, ReadinessProperties properties) {
        return new ProcessorsHealthIndicator(progress::standings, properties.processorStuckAfter(), Clock.systemUTC());
    }

    @Bean
    ModelRuntimesHealthIndicator modelsHealthIndicator(SentenceEmbedder embedder) {
        return new ModelRuntimesHealthIndicator(List.of(
                // every house model (narrator, classifiers, the embedder) runs on it
                new ModelRuntimesHealthIndicator.Runtime("onnxRuntime",
                        () -> "loaded, version " + OrtEnvironment.getEnvironment().getVersion()),
                new ModelRuntimesHealthIndicator.Runtime("houseEmbedder", () -> {
                    int dimensions = embedder.embed(List.of("The lantern is lit.")).getFirst().length;
                    if (dimensions != SentenceEmbedder.DIMENSIONS) {
                        throw new IllegalStateException("embedded into " + dimensions + " dimensions");
                    }
                    return SentenceEmbedder.MODEL_ID + " answered";
                })));
    }
}
