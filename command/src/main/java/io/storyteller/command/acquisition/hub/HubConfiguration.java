package io.storyteller.command.acquisition.hub;

import io.storyteller.command.registry.RegistryCommands;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hugging Face acquisition: the Hub client, and the handlers of the acquisition saga's work
 * (download, verification, registration) and of Hub searches. Downloads live under
 * {@code <storyteller.data-dir>/models/hub}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubProperties.class)
public class HubConfiguration {

    @Bean
    HubClient hubClient(HubProperties properties) {
        return new HubClient(properties);
    }

    @Bean
    DownloadRoot hubDownloadRoot(@Value("${storyteller.data-dir:./data}") Path dataDirectory) {
        return DownloadRoot.under(dataDirectory);
    }

    @Bean
    HubSearch hubSearch(HubClient client, QueryGateway queries, HubProperties properties) {
        return new HubSearch(client, new HubRegistry(queries), properties);
    }

    @Bean
    AcquiredCandidates acquiredCandidates(QueryGateway queries, HubProperties properties) {
        return new AcquiredCandidates(queries, properties);
    }

    @Bean
    HubDownloads hubDownloads(HubClient client, DownloadRoot root, HubProperties properties, CommandGateway commands) {
        return new HubDownloads(client, root, properties,
                new AcquisitionWork(commands, properties.downloadThreads(), "hub-download"));
    }

    @Bean
    HubVerification hubVerification(DownloadRoot root, CommandGateway commands) {
        return new HubVerification(root, new AcquisitionWork(commands, 1, "hub-verify"));
    }

    @Bean
    HubRegistration hubRegistration(RegistryCommands registry, QueryGateway queries, CommandGateway commands) {
        return new HubRegistration(registry, new HubRegistry(queries), new AcquisitionWork(commands, 1, "hub-register"));
    }
}
