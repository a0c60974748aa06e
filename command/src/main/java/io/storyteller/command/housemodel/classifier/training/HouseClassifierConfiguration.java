package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import java.nio.file.Path;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The house guardrail and detector: stored under {@code ${storyteller.data-dir}/models/house-classifiers/<key>/v<N>/},
 * trained by {@link HouseClassifierTraining}, served by {@link HouseClassifiers}. The application supplies
 * the {@link ClassifierRegistration} that enters new versions in the model registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HouseClassifierProperties.class)
@ConditionalOnProperty(prefix = "storyteller.house-classifier", name = "enabled", havingValue = "true", matchIfMissing = true)
public class HouseClassifierConfiguration {

    @Bean
    ClassifierStore classifierStore(@Value("${storyteller.data-dir:./data}") Path dataDirectory) {
        return new ClassifierStore(dataDirectory.resolve("models").resolve("house-classifiers"));
    }

    @Bean
    HouseClassifiers houseClassifiers(ClassifierStore store, HouseClassifierProperties properties) {
        return new HouseClassifiers(store, properties.guardrailThreshold());
    }

    @Bean
    HouseClassifierTraining houseClassifierTraining(EventStore eventStore, ClassifierStore store,
            ClassifierRegistration registry, HouseClassifierProperties properties) {
        return new HouseClassifierTraining(new ClassifierCorpusReader(eventStore), store,
                new ClassifierPublisher(store, registry, TrainingOptions.defaults()), properties);
    }
}
