package io.storyteller.command.acquisition.copy;

import io.storyteller.command.acquisition.ollama.IndependentCommands;
import io.storyteller.command.acquisition.ollama.OllamaConfiguration;
import io.storyteller.command.acquisition.ollama.OllamaEndpoints;
import io.storyteller.command.acquisition.ollama.OllamaRegistration;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Named copies of registered models ({@link ModelCopying}). */
@Configuration(proxyBeanMethods = false)
@Import(OllamaConfiguration.class)
public class CopyConfiguration {

    private static final long REGISTRY_TIMEOUT_SECONDS = 30;

    @Bean
    ModelCopying modelCopying(QueryGateway queries, OllamaEndpoints ollama, OllamaRegistration registration,
            RegistryCommands registry, IndependentCommands commands, @Value("${storyteller.data-dir:./data}") Path dataDir) {
        return new ModelCopying(lookup(queries), ollama, registration, new ArtifactCopies(dataDir, registry), commands);
    }

    /** The registry is small; it is read whole, as the model(id) field does. */
    static RegistryLookup lookup(QueryGateway queries) {
        return modelId -> {
            try {
                return queries.query(new FindModels(null, null, null, Actor.system()), ResponseTypes.multipleInstancesOf(ModelView.class))
                        .get(REGISTRY_TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                        .filter(model -> model.modelId().equals(modelId)).findFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the registry", e);
            } catch (Exception e) {
                throw new IllegalStateException("the registry could not be read", e);
            }
        };
    }
}
