package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.axoniq.axonserver.grpc.control.ClientIdentification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The {@code axonserver} profile as the application configures it (application.yml with
 * application-axonserver.yml, the stored-format serializers and the upcasters), in an application
 * context of its own that holds Axon and nothing else: its connector's classes load (the protobuf
 * runtime they are built against is the one on the classpath) and it connects to the server
 * {@code AXON_SERVERS} names — here a port that records what arrives, as no Axon Server runs here.
 * The shared context of the end-to-end tests is neither used nor touched.
 */
class AxonServerProfileTest {

    @SpringBootConfiguration
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, ObjectMapperAutoConfiguration.class, AxonAutoConfiguration.class,
            InfraConfiguration.class, AxonTracingAutoConfiguration.class, NoOpTransactionAutoConfiguration.class, EventProcessingAutoConfiguration.class,
            AxonServerAutoConfiguration.class, AxonServerBusAutoConfiguration.class})
    @Import({StorageSerializers.class, EventUpcasting.class, EventLogStorage.class})
    static class AxonOnly {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theConnectorLoadsAndConnectsToTheConfiguredServer() throws Exception {
        // generated with protobuf 4.33: its class initialiser checks the runtime (RuntimeVersion$RuntimeDomain)
        assertThat(ClientIdentification.newBuilder().setClientId("probe").build().getClientId()).isEqualTo("probe");

        try (ConnectionRecorder server = new ConnectionRecorder();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(AxonOnly.class)
                     .profiles("axonserver")
                     .web(WebApplicationType.NONE)
                     .properties("AXON_SERVERS=localhost:" + server.port(), "spring.main.banner-mode=off",
                             // no search in this context: not the tests' shared OpenSearch node either
                             "storyteller.opensearch.uris=",
                             // the recorder never answers; the connector's start waits this long for it
                             "axon.axonserver.connect-timeout=1000")
                     .run()) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(EventStorageEngine.class)).as("no event table in PostgreSQL").isEmpty();
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(AxonServerConnectionManager.class)).isNotNull();
            assertThat(context.getEnvironment().getProperty("storyteller.instances.relay"))
                    .as("no relay of live updates: Axon Server sends subscription queries to every instance").isEqualTo("false");

            byte[] first = server.firstBytes(Duration.ofSeconds(20));
            assertThat(new String(first, StandardCharsets.US_ASCII)).as("a gRPC (HTTP/2) client connected")
                    .startsWith("PRI * HTTP/2.0");
        }
    }
}
