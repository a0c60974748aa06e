package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.RateBeat;
import io.storyteller.ops.storage.EventLogStorageEngine;
import io.storyteller.ops.storage.upcasting.StoredEventFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events written by older versions of the platform, in their older shapes and without revisions
 * (the fixtures under {@code stored-events/}), are appended to the event store's table as those
 * versions committed them. Today's processors project them into today's read models, and today's
 * aggregates load them and play on.
 */
@EndToEnd
class ReadingOlderEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void aStoryStoredBeforeBeatsWereTextFreeIsProjectedAndPlayedOn() {
        StoredEventFixture.load("story-before-text-free-beats.json").insertInto(jdbc);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(jdbc.queryForMap("""
                SELECT position, text, edited, original_text, alternatives, alternative_originals, flag_categories,
                       flag_severity, flag_real_world, flagged_by
                FROM beats WHERE story_id = 'legacy-story' AND beat_id = 'legacy-n1'"""))
                .containsEntry("position", 2)
                .containsEntry("text", "The bell hums under your hand.")
                .containsEntry("edited", true)
                .as("the original is the narrator's text, folded from the beat's own events")
                .containsEntry("original_text", "The bell is silent; water drips from its lip.")
                .containsEntry("flag_categories", "VIOLENCE")
                .containsEntry("flag_severity", 1)
                .containsEntry("flag_real_world", false)
                .containsEntry("flagged_by", "legacy-moderator"));
        assertThat(jdbc.queryForMap("SELECT title, owner_id FROM stories WHERE story_id = 'legacy-story'"))
                .containsEntry("title", "The Drowned Bell").containsEntry("owner_id", "legacy-owner");

        List<Object> stream = eventStore.readEvents("legacy-story").asStream().<Object>map(EventMessage::getPayload).toList();
        assertThat(stream).as("the aggregate's stream reads in today's shapes")
                .contains(new BeatEdited("legacy-story", "legacy-n1", null, "The bell hums under your hand.", "legacy-owner"))
                .filteredOn(BeatFlagged.class::isInstance).singleElement()
                .extracting(event -> ((BeatFlagged) event).text()).isNull();
        assertThat(storageEngine).isInstanceOf(EventLogStorageEngine.class);
        assertThat(eventStore.readEvents("legacy-story").asStream().map(EventMessage::getTimestamp).toList())
                .as("each event at the time it was stored").startsWith(
                        Instant.parse("2026-12-05T18:40:01.201Z"), Instant.parse("2026-12-05T18:40:09.514Z"));

        commands.sendAndWait(new RateBeat("legacy-story", "legacy-n1", 4, new Actor("legacy-owner", Set.of(PlatformRole.PLAYER))));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT rating FROM beats WHERE story_id = 'legacy-story' AND beat_id = 'legacy-n1'", Integer.class))
                .isEqualTo(4));
    }

    @Test
    void aValidationStoredBeforeDatasetsIsProjectedWithoutOne() {
        StoredEventFixture.load("model-validation-before-dataset.json").insertInto(jdbc);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            Map<String, Object> row = jdbc.queryForMap("""
                    SELECT validation_id, version, suite, incumbent_model_id, incumbent_version, passed, wins, losses, ties,
                           gates::text AS gates, dataset::text AS dataset, validated_by, event_seq
                    FROM model_validations WHERE model_id = 'legacy-model'""");
            assertThat(row).containsEntry("validation_id", "legacy-validation").containsEntry("version", "2")
                    .containsEntry("suite", "narrator-default").containsEntry("incumbent_model_id", "legacy-model")
                    .containsEntry("incumbent_version", "1").containsEntry("passed", true)
                    .containsEntry("wins", 6).containsEntry("losses", 2).containsEntry("ties", 4)
                    .containsEntry("validated_by", "system").containsEntry("event_seq", 3L)
                    .containsEntry("dataset", null);
            assertThat((String) row.get("gates")).contains("\"metric\": \"review.score\"", "\"candidate\": 0.74");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'validations'"
                + " AND sequenceidentifier = 'legacy-model'", Long.class)).as("nothing older is dead-lettered").isZero();
    }
}
