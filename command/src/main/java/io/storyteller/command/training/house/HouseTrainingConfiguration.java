package io.storyteller.command.training.house;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierProperties;
import io.storyteller.command.housemodel.training.HouseModelProperties;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.TrainingSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code house} training backend, on the house stores that are enabled; a job for a disabled
 * one is refused by {@link HouseTrainingBackend#supports}.
 */
@Configuration(proxyBeanMethods = false)
public class HouseTrainingConfiguration {

    @Bean
    HouseTrainingBackend houseTrainingBackend(ObjectProvider<ClassifierStore> classifiers,
            ObjectProvider<HouseModelStore> narrators, ObjectProvider<HouseClassifierProperties> classifierProperties,
            ObjectProvider<HouseModelProperties> narratorProperties) {
        TrainingSettings settings = narratorProperties.getIfAvailable(HouseModelProperties::defaults).trainingSettings();
        double threshold = classifierProperties.getIfAvailable(HouseClassifierProperties::defaults).guardrailThreshold();
        return new HouseTrainingBackend(classifiers.getIfAvailable(), narrators.getIfAvailable(), settings, threshold);
    }
}
