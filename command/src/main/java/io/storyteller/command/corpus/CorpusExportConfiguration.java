package io.storyteller.command.corpus;

import java.nio.file.Path;
import java.time.Clock;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The corpus exporter on the application's event store, writing under {@code ${storyteller.data-dir}/corpora/}. */
@Configuration(proxyBeanMethods = false)
public class CorpusExportConfiguration {

    @Bean
    CorpusExports corpusExports(EventStore eventStore, @Value("${storyteller.data-dir:./data}") Path dataDirectory) {
        return new CorpusExports(new CorpusExporter(eventStore), dataDirectory, Clock.systemUTC());
    }
}
