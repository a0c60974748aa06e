package io.storyteller.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.ops.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps every event across a restart, and shuts down only after Axon is done with it. */
@ExtendWith(OutputCaptureExtension.class)
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void anAppendedEventIsReadBackAfterARestart(CapturedOutput output) throws Exception {
        String storyId = UUID.randomUUID().toString();
        var beat = new StoryBeatRecorded(storyId, "Once upon a time", Instant.parse("2030-05-06T07:08:09Z"));

        try (ConfigurableApplicationContext first = start()) {
            first.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("Story", storyId, 0, beat));
            var handler = first.getBean(TestEventHandlers.RecordingHandler.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.received.contains(beat));
        }

        assertThat(tokenOwnersAfterShutdown()).as("every token claim released before PostgreSQL stopped")
                .isNotEmpty().containsOnlyNulls();
        assertThat(output.getAll()).contains("Embedded PostgreSQL stopped")
                .doesNotContain("Connection refused", "Connection is not available", "Could not stop postmaster");

        try (ConfigurableApplicationContext second = start()) {
            List<Object> payloads = second.getBean(EventStore.class).readEvents(storyId).asStream()
                    .map(Message::getPayload).map(Object.class::cast).toList();

            assertThat(payloads).containsExactly(beat);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StorytellerApplication.class, TestEventHandlers.class)
                .run("--server.port=0", "--storyteller.data-dir=" + dataDir);
    }

    /** Reads the token table with the application stopped, on a server of our own. */
    private List<String> tokenOwnersAfterShutdown() throws Exception {
        var settings = new StorytellerProperties.EmbeddedPostgres(0, "storyteller", Duration.ofSeconds(60));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings);
             Connection connection = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(), null);
             ResultSet rows = connection.createStatement().executeQuery("select owner from tokenentry")) {
            List<String> owners = new ArrayList<>();
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
            return owners;
        }
    }
}
