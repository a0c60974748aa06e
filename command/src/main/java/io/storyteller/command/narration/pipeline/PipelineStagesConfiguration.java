package io.storyteller.command.narration.pipeline;

import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierTraining;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.slot.StageSlots;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline's checks on the platform's own models: continuity engine, house guardrail, detector
 * and reviewer. With the house classifiers off ({@code storyteller.house-classifier.enabled=false})
 * the stages serve what their slots name; without a guardrail slot then nothing can be shown.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownloadedGuardrailProperties.class)
public class PipelineStagesConfiguration {

    @Bean
    ContinuityReview continuityReview(ContinuityCheck check) {
        return new EngineContinuityReview(check);
    }

    @Bean
    HarmGuard harmGuard(StageSlots slots, ObjectProvider<HouseClassifiers> classifiers,
            ObjectProvider<HouseClassifierTraining> training, LocalOnnxModels local, DownloadedGuardrailProperties downloaded) {
        return new HouseGuardrailStage(slots, classifiers.getIfAvailable(), training.getIfAvailable(), local, downloaded);
    }

    @Bean
    Reviewer reviewer(StageSlots slots, ModelRuntimes runtimes, ObjectProvider<HouseClassifiers> classifiers,
            @Value("${storyteller.narration.timeout:60s}") Duration timeout) {
        return new RoutedReviewer(slots, new ChatReviewer(slots, runtimes, timeout), classifiers.getIfAvailable());
    }

    @Bean
    TextDetector textDetector(StageSlots slots, ObjectProvider<HouseClassifiers> classifiers,
            ObjectProvider<HouseClassifierTraining> training, LocalOnnxModels local) {
        return new HouseDetectorStage(slots, classifiers.getIfAvailable(), training.getIfAvailable(), local);
    }
}
