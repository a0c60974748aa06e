package io.storyteller.projections.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class RecordedActionProjectionTest {

    static final ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    RecordedActionProjection projection;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        projection = new RecordedActionProjection(new NamedParameterJdbcTemplate(db.dataSource()));
    }

    @Test
    void anActionIsKeptWithItsWorldStoryBeatTextPositionAndTime() {
        log.story("s1", action("s1", "w1", "a1", "I open the door"));
        log.story("s2", action("s2", "w2", "a1", "I wait"));
        log.deliver(projection);

        assertThat(db.rows("SELECT * FROM recorded_actions ORDER BY position")).containsExactly(
                Map.of("story_id", "s1", "action_beat_id", "a1", "world_id", "w1", "text", "I open the door",
                        "position", 0L, "submitted_at", Timestamp.from(EventLog.timeOf(0))),
                Map.of("story_id", "s2", "action_beat_id", "a1", "world_id", "w2", "text", "I wait",
                        "position", 1L, "submitted_at", Timestamp.from(EventLog.timeOf(1))));
    }

    @Test
    void aRedeliveredActionCountsOnce() {
        log.story("s1", action("s1", "w1", "a1", "I open the door"));
        log.deliver(projection);
        log.redeliverAll(projection);

        assertThat(db.rows("SELECT action_beat_id FROM recorded_actions")).hasSize(1);
    }

    @Test
    void anActionWithoutTextIsNotReplayable() {
        log.story("s1", action("s1", "w1", "a1", "  "), action("s1", "w1", "a2", null));
        log.deliver(projection);

        assertThat(db.rows("SELECT * FROM recorded_actions")).isEmpty();
    }

    @Test
    void anErasedActionIsForgottenAndAnEditedOneKeepsItsNewText() {
        log.story("s1", action("s1", "w1", "a1", "I open the door"), action("s1", "w1", "a2", "I steal the crown"),
                new BeatEdited("s1", "a1", "I open the door", "I knock on the door", "pia"),
                new BeatsErased("s1", List.of("a2", "n2"), "pia"));
        log.deliver(projection);

        assertThat(db.rows("SELECT action_beat_id, text FROM recorded_actions"))
                .containsExactly(Map.of("action_beat_id", "a1", "text", "I knock on the door"));
    }

    @Test
    void aReplayRebuildsTheSameTable() {
        log.story("s1", action("s1", "w1", "a1", "I open the door"), action("s1", "w1", "a2", "I run"),
                new BeatsErased("s1", List.of("a2"), "pia"));
        log.story("s2", action("s2", "w2", "a1", "I wait"));
        log.deliver(projection);
        var before = db.snapshot();

        log.replay(projection);

        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(before.get("recorded_actions")).hasSize(2);
    }

    @Test
    void aReplayInBatchesLeavesWhatWritingEachEventAtOnceLeaves() {
        for (int i = 0; i < 12; i++) {
            log.story("s" + i % 3, action("s" + i % 3, "w1", "a" + i, "I try door " + i));
        }
        log.story("s0", new BeatEdited("s0", "a0", "I try door 0", "I kick door 0", "pia"),
                new BeatsErased("s0", List.of("a9", "n9"), "pia"),
                action("s0", "w1", "a9", "I try the window"),
                new BeatEdited("s0", "a9", "I try the window", "I climb through the window", "pia"));
        log.deliver(projection);
        var live = db.snapshot();

        for (int batchSize : new int[] {1, 3, 64}) {
            log.replayInBatches(db.transactions(), batchSize, projection);
            assertThat(db.snapshot()).as("batches of " + batchSize).isEqualTo(live);
        }
        assertThat(db.rows("SELECT text FROM recorded_actions WHERE story_id = 's0' AND action_beat_id = 'a9'"))
                .containsExactly(Map.of("text", "I climb through the window"));
    }

    private static PlayerActionSubmitted action(String storyId, String worldId, String beatId, String text) {
        return new PlayerActionSubmitted(storyId, worldId, beatId, "pia", text);
    }
}
