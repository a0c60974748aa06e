package io.storyteller.command.discovery;

import io.storyteller.command.endpoint.EndpointConfiguration;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Model discovery: one catalogue per provider endpoint, of that endpoint's kind
 * ({@link ProviderConnections}), scanned by {@link ModelDiscovery} (bean {@code modelDiscovery}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscoveryProperties.class)
@Import(EndpointConfiguration.class)
public class DiscoveryConfiguration {

    private static final Duration REGISTRY_QUERY_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    ModelDiscovery modelDiscovery(ProviderEndpoints endpoints, DiscoveryProperties properties, QueryGateway queries,
            RegistryCommands registry) {
        return new ModelDiscovery(catalogues(ProviderConnections.of(endpoints), properties),
                new ProviderScanner(registryOf(queries), registry, properties), properties, Clock.systemUTC());
    }

    static List<ModelCatalogue> catalogues(List<ProviderConnection> connections, DiscoveryProperties properties) {
        CatalogueHttp http = new CatalogueHttp(properties);
        return connections.stream().<ModelCatalogue>map(connection -> switch (connection.kind()) {
            case ANTHROPIC -> new AnthropicCatalogue(connection, http, properties.maxPages());
            case OLLAMA -> new OllamaCatalogue(connection, http);
            case OPENAI -> new OpenAiCatalogue(connection, http);
        }).toList();
    }

    static RegisteredModels registryOf(QueryGateway queries) {
        return provider -> {
            try {
                return queries.query(new FindModels(provider, null, null, Actor.system()),
                                ResponseTypes.multipleInstancesOf(ModelView.class))
                        .get(REGISTRY_QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the registry", e);
            } catch (Exception e) {
                throw new IllegalStateException("the registry could not be read", e);
            }
        };
    }
}
