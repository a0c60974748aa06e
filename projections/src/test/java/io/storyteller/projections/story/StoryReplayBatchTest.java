package io.storyteller.projections.story;

import static io.storyteller.projections.story.StoryEvents.action;
import static io.storyteller.projections.story.StoryEvents.narration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.AuthorsNoteSet;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.ParticipantInvited;
import io.storyteller.domain.story.PinnedMemorySet;
import io.storyteller.domain.story.StoryEnded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A replay in batches writes each batch's rows at its end, story rows once each, and leaves exactly
 * the read model that writing every event at once leaves; a batch whose writes fail is retried event
 * by event, so only its bad event fails.
 */
class StoryReplayBatchTest {

    static final ReadModelDatabase db = ReadModelDatabase.start();
    private static final String BEATS = "SELECT * FROM beats ORDER BY story_id, position";
    private static final String STORIES = "SELECT * FROM stories ORDER BY story_id";
    private static final String PARTICIPANTS = "SELECT * FROM story_participants ORDER BY story_id, user_id";

    private Object[] handlers;

    @BeforeEach
    void setUp() {
        db.clear();
        var emitter = SimpleQueryUpdateEmitter.builder().build();
        StoryWrites writes = new StoryWrites(new NamedParameterJdbcTemplate(db.dataSource()));
        handlers = new Object[] {new StoryProjection(db.jdbc(), writes, emitter), new BeatProjection(db.jdbc(), writes, emitter)};
    }

    /** Two stories interleaved, with every kind of story event, retries, edits and an erasure of a tail. */
    private static EventLog everything() {
        EventLog log = StoryEvents.startedStory();
        log.story("s2", new StoryStarted("s2", "w1", "The second night", "bea"));
        for (int turn = 0; turn < 6; turn++) {
            log.story("s1", action("a" + turn, "olga", "I walk on, step " + turn + "."),
                    narration("a" + turn, "a" + turn, "n" + turn, 0, "The road bends, " + turn + ".", "m1"));
            log.story("s2", action("s2", "b" + turn, "bea", "I row on, stroke " + turn + "."),
                    new io.storyteller.domain.story.NarrationRecorded("s2", "w1", "b" + turn, "b" + turn, "m" + turn, 0,
                            "The river widens, " + turn + ".", StoryEvents.provenance("m2")));
        }
        log.story("s1", new NarrationRetryRequested("s1", "w1", "r1", "a5", "n5", "olga"),
                narration("r1", "a5", "n5", 1, "The road forks instead.", "m3"),
                new NarrationAlternativeSelected("s1", "n5", 0, "olga"),
                new BeatEdited("s1", "n2", null, "The road bends sharply.", "olga"),
                new BeatEdited("s1", "n2", null, "The road bends twice.", "olga"),
                new BeatRated("s1", "n1", 5, "bea"),
                new BeatFlagged("s1", "w1", "a3", BeatKind.PLAYER_ACTION, null, List.of(HarmCategory.VIOLENCE), 2, false, "olga"),
                new AuthorsNoteSet("s1", "Keep it tense.", "olga"),
                new PinnedMemorySet("s1", "The map is false.", "olga"),
                new ParticipantInvited("s1", "carl", "olga"),
                new BeatsErased("s1", List.of("a5", "n5"), "olga"),
                action("a6", "olga", "I turn back."));
        log.story("s2", new NarrationRetryRequested("s2", "w1", "r2", "b5", "m5", "bea"),
                new NarrationFailed("s2", "r2", "b5", "the model timed out", "m2", null, List.of()),
                new StoryEnded("s2", "bea"));
        return log;
    }

    private static List<List<Map<String, Object>>> readModel() {
        return List.of(db.rows(BEATS), db.rows(STORIES), db.rows(PARTICIPANTS));
    }

    @Test
    void aBatchedReplayLeavesWhatWritingEachEventAtOnceLeaves() {
        EventLog log = everything();
        log.deliver(handlers);
        List<List<Map<String, Object>>> live = readModel();
        assertThat(live.getFirst()).hasSize(23);

        for (int batchSize : new int[] {1, 5, 16, 64}) {
            log.replayInBatches(db.transactions(), batchSize, handlers);
            assertThat(readModel()).as("batches of " + batchSize).isEqualTo(live);
        }
        assertThat(db.row("SELECT beat_count, narration_pending, pending_request_id, authors_note FROM stories "
                + "WHERE story_id = 's1'")).containsEntry("beat_count", 11).containsEntry("narration_pending", true)
                .containsEntry("pending_request_id", "a6").containsEntry("authors_note", "Keep it tense.");
    }

    @Test
    void beatsErasedAndTakenAgainOrRepeatedAreReplayedWhereTheyWereLive() {
        EventLog log = StoryEvents.startedStory();
        log.story("s1", action("a1", "olga", "I knock."), narration("a1", "a1", "n1", 0, "Nobody answers.", "m1"),
                action("a2", "olga", "I knock louder."), narration("a2", "a2", "n2", 0, "A dog barks.", "m1"),
                new BeatsErased("s1", List.of("a2", "n2"), "olga"),
                action("a2", "olga", "I walk away."),
                action("a2", "olga", "I walk away."),
                narration("a2", "a2", "n2", 0, "The door opens behind you.", "m1"));
        log.deliver(handlers);
        List<List<Map<String, Object>>> live = readModel();
        assertThat(db.rows("SELECT beat_id, position, text FROM beats ORDER BY position")).extracting(row -> row.get("beat_id"))
                .containsExactly("a1", "n1", "a2", "n2");

        log.replayInBatches(db.transactions(), 64, handlers);
        assertThat(readModel()).as("the repeat in the same batch").isEqualTo(live);

        // batches of one: the repeated beat's batch finds it written by an earlier batch; it fails and is
        // retried as written live, where the append changes nothing
        assertThatThrownBy(() -> log.replayInBatches(db.transactions(), 1, handlers))
                .hasStackTraceContaining("a replayed beat was in the beats table already");
        log.replayBatchesFrom(db.transactions(), 8, 1, handlers);
        assertThat(readModel()).as("the repeat in a later batch").isEqualTo(live);
    }

    @Test
    void aBatchInsertsItsBeatsBeforeTheUpdatesBetweenThemOnlyWhereThatChangesNothing() {
        EventLog log = StoryEvents.startedStory();
        // a rating of a beat that is not there yet changes nothing live, so must not in a batch either,
        // where appended beats are written before the updates that came between them
        log.story("s1", action("a1", "olga", "I knock."), new BeatRated("s1", "a2", 4, "olga"),
                narration("a1", "a1", "n1", 0, "Nobody answers.", "m1"), new BeatRated("s1", "n1", 3, "olga"),
                action("a2", "olga", "I knock louder."), new BeatEdited("s1", "a1", null, "I knock twice.", "olga"),
                narration("a2", "a2", "n2", 0, "A dog barks.", "m1"));
        log.deliver(handlers);
        List<List<Map<String, Object>>> live = readModel();
        assertThat(db.rows("SELECT beat_id, rating, text FROM beats ORDER BY position"))
                .containsExactly(row("a1", null, "I knock twice."), row("n1", 3, "Nobody answers."),
                        row("a2", null, "I knock louder."), row("n2", null, "A dog barks."));

        log.replayInBatches(db.transactions(), 64, handlers);
        assertThat(readModel()).isEqualTo(live);
    }

    private static Map<String, Object> row(String beatId, Integer rating, String text) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("beat_id", beatId);
        row.put("rating", rating);
        row.put("text", text);
        return row;
    }

    @Test
    void aBatchThatCannotBeWrittenIsRetriedEventByEventSoOnlyItsBadEventFailsThere() {
        EventLog log = StoryEvents.startedStory();
        log.story("s1", action("a1", "olga", "I light a lamp."),
                // PostgreSQL refuses a NUL character in text: the collected batch fails as a whole when written
                action("a2", "olga", "I whisper \u0000 into the dark."),
                action("a3", "olga", "I wait."));
        log.story("s2", new StoryStarted("s2", "w1", "Elsewhere", "bea"));

        assertThatThrownBy(() -> log.replayInBatches(db.transactions(), 5, handlers))
                .hasStackTraceContaining("StoryReplayBatch.flush").hasStackTraceContaining("0x00");
        assertThat(db.rows(BEATS)).as("the failed batch is rolled back").isEmpty();
        assertThat(collects(3)).as("an event of the failed batch is now written at once").isFalse();
        assertThat(collects(5)).as("an event of a later batch is still collected").isTrue();

        // The processor retries the batch: each event is written at once, so the failure is the bad event's
        // own (in the processor it is dead-lettered in its savepoint and the others commit).
        assertThatThrownBy(() -> log.replayBatchesFrom(db.transactions(), 0, 5, handlers))
                .hasStackTraceContaining("0x00").hasStackTraceContaining("BeatProjection.on")
                .satisfies(e -> {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    e.printStackTrace(new java.io.PrintWriter(trace));
                    assertThat(trace.toString()).as("not a batch's failure").doesNotContain("StoryReplayBatch.flush");
                });
    }

    /** Whether the event at {@code index} of the log would be collected, were it replayed now. */
    private boolean collects(int index) {
        var event = new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(
                new org.axonframework.eventhandling.ReplayToken(new org.axonframework.eventhandling.GlobalSequenceTrackingToken(99),
                        new org.axonframework.eventhandling.GlobalSequenceTrackingToken(index)),
                new org.axonframework.eventhandling.GenericDomainEventMessage<>("Story", "s1", index, "x", Map.of(),
                        "event-" + index, EventLog.timeOf(index)));
        var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(event);
        try {
            return ((StoryProjection) handlers[0]).collects(event);
        } finally {
            unitOfWork.rollback();
        }
    }
}
