package io.storyteller.ops;

import static io.storyteller.ops.TestEventHandlers.GROUP;
import static io.storyteller.ops.TestEventHandlers.POISON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.zaxxer.hikari.HikariDataSource;
import io.storyteller.ops.postgres.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.scheduling.ScheduleToken;
import org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerEventScheduler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it runs by default: embedded PostgreSQL, migrations, Axon on JDBC, db-scheduler.
 * The web JSON setting below must not reach the stored event format.
 */
@SpringBootTest(classes = {StorytellerApplication.class, TestEventHandlers.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.jackson.serialization.write-dates-as-timestamps=true")
@DirtiesContext
class StorytellerApplicationTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("storyteller.data-dir", () -> dataDir.toString());
    }

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired EmbeddedPostgresServer postgres;
    @Autowired Configuration axon;
    @Autowired TokenStore tokenStore;
    @Autowired DeadlineManager deadlineManager;
    @Autowired EventScheduler eventScheduler;
    @Autowired Scheduler scheduler;
    @Autowired EventGateway eventGateway;
    @Autowired TestEventHandlers.RecordingHandler recordingHandler;

    @Test
    void healthIsUpWithoutCredentials() {
        var response = http.getForEntity("/actuator/health", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("status", "UP");
    }

    @Test
    void otherActuatorEndpointsAreNotOpen() {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));

        var response = http.exchange("/actuator/env", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(response.getStatusCode().value()).isIn(401, 403, 404);
    }

    @Test
    void runsOnTheEmbeddedPostgresUnderTheDataDirectory() {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(postgres.getJdbcUrl());
        assertThat(postgres.dataDirectory()).isEqualTo(dataDir.resolve("postgres").toAbsolutePath().normalize());
        assertThat(postgres.dataDirectory().resolve("PG_VERSION")).exists();
        assertThat(jdbc.queryForObject("show server_version", String.class)).startsWith("17.");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("storyteller");
    }

    @Test
    void migrationsCreateAxonAndSchedulerTablesWithByteaPayloads() {
        List<String> serializedColumns = List.of(
                "domainevententry.payload", "domainevententry.metadata",
                "snapshotevententry.payload", "snapshotevententry.metadata",
                "tokenentry.token",
                "sagaentry.serializedsaga",
                "deadletterentry.payload", "deadletterentry.metadata", "deadletterentry.token", "deadletterentry.diagnostics",
                "scheduled_tasks.task_data");

        assertThat(serializedColumns).allSatisfy(column -> assertThat(columnType(column)).as(column).isEqualTo("bytea"));
        assertThat(columnType("scheduled_tasks.priority")).isEqualTo("smallint");
        assertThat(columnType("associationvalueentry.associationvalue")).isEqualTo("character varying");
    }

    @Test
    void infrastructureMigrationsStayBelowTheReadModelRange() {
        var applied = jdbc.queryForList(
                "select cast(version as int) from flyway_schema_history"
                        + " where success and (description like 'axon %' or description = 'db scheduler')",
                Integer.class);

        assertThat(applied).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void deadlinesAndScheduledEventsArePersistedByDbScheduler() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(eventScheduler).isInstanceOf(DbSchedulerEventScheduler.class);
        assertThat(axon.deadlineManager()).isSameAs(deadlineManager);
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();

        ScheduleToken token = eventScheduler.schedule(Duration.ofHours(1),
                new StoryBeatRecorded("story-later", "later", Instant.now()));
        try {
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class)).isPositive();
        } finally {
            eventScheduler.cancelSchedule(token);
        }
    }

    @Test
    void everyProcessingGroupGetsAPooledStreamingProcessorWithFourSegments() {
        var processors = axon.eventProcessingConfiguration().eventProcessors();

        assertThat(processors).containsKeys(GROUP, "narration").hasSizeGreaterThan(2);
        processors.forEach((name, processor) -> {
            assertThat(processor).as(name).isInstanceOf(PooledStreamingEventProcessor.class);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(tokenStore.fetchSegments(name)).as(name).hasSize(4));
        });
    }

    @Test
    void everyProcessingGroupGetsAJdbcDeadLetterQueue() {
        var groups = axon.eventProcessingConfiguration().eventProcessors().keySet();

        assertThat(groups).contains(GROUP).allSatisfy(group -> assertThat(
                axon.eventProcessingConfiguration().deadLetterQueue(group)).as(group)
                .get().isInstanceOf(JdbcSequencedDeadLetterQueue.class));
    }

    @Test
    void aFailingEventIsDeadLetteredAndTheOthersAreHandled() {
        String story = "story-" + System.nanoTime();
        eventGateway.publish(new StoryBeatRecorded(story, POISON, Instant.now()));
        eventGateway.publish(new StoryBeatRecorded(story, "the hero wakes", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(recordingHandler.received).extracting(StoryBeatRecorded::text).contains("the hero wakes");
            assertThat(jdbc.queryForObject(
                    "select count(*) from deadletterentry where processinggroup = ?", Integer.class, GROUP)).isPositive();
        });
    }

    @Test
    void eventsAreStoredAsJsonWithIsoTimestampsWhateverTheWebJsonSettings() {
        eventGateway.publish(new StoryBeatRecorded("story-json", "dawn", Instant.parse("2030-01-02T03:04:05Z")));

        byte[] payload = jdbc.queryForObject(
                "select payload from domainevententry where payloadtype = ? order by globalindex desc limit 1",
                byte[].class, StoryBeatRecorded.class.getName());

        assertThat(new String(payload, StandardCharsets.UTF_8))
                .isEqualTo("{\"storyId\":\"story-json\",\"text\":\"dawn\",\"recordedAt\":\"2030-01-02T03:04:05Z\"}");
    }

    private String columnType(String tableDotColumn) {
        String[] parts = tableDotColumn.split("\\.");
        return jdbc.queryForObject(
                "select data_type from information_schema.columns where table_name = ? and column_name = ?",
                String.class, parts[0], parts[1]);
    }
}
