package io.storyteller.command.acquisition.ollama;

import io.storyteller.command.endpoint.EndpointConfiguration;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.domain.acquisition.ModelCopy;
import io.storyteller.domain.acquisition.OllamaServer;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Ollama model management on the configured endpoints of kind {@code ollama}. The aggregates that
 * record it are registered here (the application configures every {@link AggregateFactory} bean).
 */
@Configuration(proxyBeanMethods = false)
@Import(EndpointConfiguration.class)
public class OllamaConfiguration {

    @Bean
    AggregateFactory<OllamaServer> ollamaServerFactory() {
        return new GenericAggregateFactory<>(OllamaServer.class);
    }

    @Bean
    AggregateFactory<ModelCopy> modelCopyFactory() {
        return new GenericAggregateFactory<>(ModelCopy.class);
    }

    @Bean
    OllamaEndpoints ollamaEndpoints(ProviderEndpoints endpoints) {
        return new OllamaEndpoints(endpoints);
    }

    @Bean
    IndependentCommands acquisitionCommands(CommandGateway commands) {
        return new IndependentCommands(commands);
    }

    @Bean
    OllamaRegistration ollamaRegistration(RegistryCommands registry) {
        return new OllamaRegistration(registry);
    }

    @Bean
    OllamaPullProgress ollamaPullProgress() {
        return new OllamaPullProgress(Clock.systemUTC());
    }

    @Bean
    OllamaPulls ollamaPulls(OllamaEndpoints endpoints, OllamaRegistration registration, IndependentCommands commands,
            OllamaPullProgress progress) {
        return new OllamaPulls(endpoints, registration, commands, progress);
    }

    @Bean
    OllamaDeletion ollamaDeletion(OllamaEndpoints endpoints, IndependentCommands commands, OllamaPullProgress progress) {
        return new OllamaDeletion(endpoints, commands, progress);
    }

    @Bean
    OllamaQueries ollamaQueries(OllamaEndpoints endpoints) {
        return new OllamaQueries(endpoints);
    }
}
