package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dead letters are visible to platform admins and can be retried: a sequence that now succeeds
 * leaves the queue and reaches its read model, one that fails again stays, and nobody else sees or
 * retries anything.
 */
@EndToEnd
class DeadLettersTest {

    private static final String LETTERS = """
            query($g: String) { deadLetters(processingGroup: $g, first: 500) { processingGroup sequence index eventType
              causeType causeMessage enqueuedAt lastTouched } }""";
    private static final String RETRY = """
            mutation($g: String!) { retryDeadLetters(processingGroup: $g) { processingGroup sequencesTried sequencesCleared
              sequencesRemaining } }""";

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void platformAdminsSeeAndRetryDeadLettersAndNobodyElseDoes() {
        Api api = new Api(port, minter);
        HttpGraphQlClient admin = api.as("dl-admin", PlatformRole.PLATFORM_ADMIN);
        HttpGraphQlClient player = api.as("dl-player", PlatformRole.PLAYER);
        String poisoned = "dl-poisoned-" + UUID.randomUUID();
        eventStore.publish(world(poisoned, "Ash\u0000fall"));

        List<Map<String, Object>> letters = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> letters(admin), list -> list.stream().anyMatch(l -> poisoned.equals(l.get("sequence"))));
        Map<String, Object> letter = letters.stream().filter(l -> poisoned.equals(l.get("sequence"))).findFirst().orElseThrow();
        assertThat(letter).containsEntry("processingGroup", "worlds").containsEntry("eventType", "WorldCreated")
                .containsKey("index");
        assertThat(letter.get("enqueuedAt")).isNotNull();

        assertThat(letters(player)).as("a player sees no dead letters").isEmpty();
        ClientGraphQlResponse refused = player.document(RETRY).variable("g", "worlds").execute().block(Api.timeout());
        assertThat(refused.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));

        // A transient failure (say, the database was briefly away) parked a healthy event: a retry clears it.
        String parked = "dl-parked-" + UUID.randomUUID();
        SequencedDeadLetterQueue<EventMessage<?>> queue = axon.eventProcessingConfiguration().deadLetterQueue("worlds").orElseThrow();
        queue.enqueue(parked, new GenericDeadLetter<>(parked, world(parked, "Glasswater"), new IllegalStateException("database away")));

        Map<String, Object> retry = admin.document(RETRY).variable("g", "worlds")
                .retrieve("retryDeadLetters").toEntity(Map.class).block(Api.timeout());
        assertThat((Integer) retry.get("sequencesCleared")).isGreaterThanOrEqualTo(1);
        assertThat(((Number) retry.get("sequencesRemaining")).longValue()).as("the poison stays").isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT name FROM worlds WHERE world_id = ?", String.class, parked)).isEqualTo("Glasswater");
        assertThat(letters(admin)).noneMatch(l -> parked.equals(l.get("sequence")))
                .anyMatch(l -> poisoned.equals(l.get("sequence")) && l.get("lastTouched") != null);

        ClientGraphQlResponse unknown = admin.document(RETRY).variable("g", "no-such-group").execute().block(Api.timeout());
        assertThat(unknown.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND");
            assertThat(e.getExtensions()).containsEntry("field", "processingGroup");
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> letters(HttpGraphQlClient client) {
        return client.document(LETTERS).variable("g", "worlds").retrieve("deadLetters")
                .toEntityList(Map.class).block(Api.timeout()).stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static GenericDomainEventMessage<WorldCreated> world(String worldId, String name) {
        return new GenericDomainEventMessage<>("World", worldId, 0, new WorldCreated(worldId,
                new WorldSettings(name, "A premise.", "fantasy", "grim", ContentRating.TEEN, ""), "ada"));
    }
}
