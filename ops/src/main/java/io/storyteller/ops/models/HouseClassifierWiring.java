package io.storyteller.ops.models;

import io.storyteller.command.housemodel.classifier.training.ClassifierRegistration;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.registry.RegistryResult;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects the house classifiers' training to the model registry. The two capabilities of the
 * command module may not know each other, so the application joins them here.
 */
@Configuration(proxyBeanMethods = false)
public class HouseClassifierWiring {

    /**
     * Registering twice is harmless: RegistryCommands counts an existing model or version as done.
     * A model this instance registered or found registered is not registered again with each new
     * version (each refusal would be logged by Axon's gateway as a failed command).
     */
    @Bean
    ClassifierRegistration classifierRegistration(RegistryCommands registry) {
        Set<String> known = ConcurrentHashMap.newKeySet();
        return (model, version) -> {
            if (!known.contains(model.modelId())) {
                RegistryResult registered = registry.register(model);
                if (registered.rejected()) {
                    return Optional.of(registered.reason());
                }
                known.add(model.modelId());
            }
            RegistryResult added = registry.addVersion(version);
            return added.rejected() ? Optional.of(added.reason()) : Optional.empty();
        };
    }
}
