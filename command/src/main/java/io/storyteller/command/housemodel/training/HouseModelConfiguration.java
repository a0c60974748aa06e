package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.corpus.CorpusReader;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The house models' store, corpus and publisher; {@link HouseModelTraining} and
 * {@link DefaultHouseVersions} use them. Versions live under
 * {@code ${storyteller.data-dir}/models/house/<modelKey>/v<N>/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HouseModelProperties.class)
@ConditionalOnProperty(prefix = "storyteller.house-model", name = "enabled", havingValue = "true", matchIfMissing = true)
public class HouseModelConfiguration {

    @Bean
    HouseModelStore houseModelStore(@Value("${storyteller.data-dir:./data}") Path dataDirectory) {
        return new HouseModelStore(dataDirectory.resolve("models").resolve("house"));
    }

    @Bean
    CorpusReader houseModelCorpusReader(EventStore eventStore, HouseModelProperties properties) {
        return new CorpusReader(eventStore, properties.includeHouseNarrations());
    }

    @Bean
    HouseModelPublisher houseModelPublisher(HouseModelStore store, CommandGateway commands,
            HouseModelProperties properties) {
        return new HouseModelPublisher(new HouseModelTrainer(), store, commands, properties.trainingSettings());
    }
}
