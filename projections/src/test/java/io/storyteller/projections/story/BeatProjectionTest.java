package io.storyteller.projections.story;

import static io.storyteller.projections.story.StoryEvents.action;
import static io.storyteller.projections.story.StoryEvents.at;
import static io.storyteller.projections.story.StoryEvents.narration;
import static io.storyteller.projections.story.StoryEvents.provenance;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlag;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.projections.schema.BeatRows;
import io.storyteller.projections.schema.ProvenanceJson;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How beat events shape the beats table and the story's count and pending narration. */
class BeatProjectionTest {

    static final ReadModelDatabase db = ReadModelDatabase.start();
    SimpleQueryUpdateEmitter emitter;
    EventLog log;
    Object[] handlers;

    @BeforeEach
    void setUp() {
        db.clear();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        log = StoryEvents.startedStory();
        handlers = new Object[] {new StoryProjection(db.jdbc(), writes(), emitter), new BeatProjection(db.jdbc(), writes(), emitter)};
    }

    @Test
    void actionsAndNarrationsTakeConsecutivePositions() {
        log.story("s1", action("a1", "olga", "I light a torch."),
                narration("a1", "a1", "n1", 0, "The cave glows.", "m1"),
                action("a2", "bea", "I follow."));
        log.deliver(handlers);

        assertThat(db.rows("SELECT beat_id, position, kind, player_id, text FROM beats ORDER BY position"))
                .containsExactly(
                        beat("a1", 1, BeatKind.PLAYER_ACTION, "olga", "I light a torch."),
                        beat("n1", 2, BeatKind.NARRATION, null, "The cave glows."),
                        beat("a2", 3, BeatKind.PLAYER_ACTION, "bea", "I follow."));
        assertThat(db.row("SELECT * FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("alternatives", List.of("The cave glows."))
                .containsEntry("created_at", at(3));
        assertThat(provenanceOf("n1")).isEqualTo(provenance("m1"));
        assertThat(db.row("SELECT * FROM stories")).containsEntry("world_id", "w1")
                .containsEntry("owner_id", "olga").containsEntry("status", "ACTIVE").containsEntry("beat_count", 3)
                .containsEntry("narration_pending", true).containsEntry("pending_request_id", "a2")
                .containsEntry("started_at", at(0)).containsEntry("updated_at", at(4));
        assertThat(db.rows("SELECT user_id FROM story_participants ORDER BY joined_at"))
                .containsExactly(Map.of("user_id", "olga"), Map.of("user_id", "bea"));
    }

    @Test
    void retriesStackAlternativesAndSelectingOneShowsItsTextAndProvenance() {
        log.story("s1", action("a1", "olga", "I knock."),
                narration("a1", "a1", "n1", 0, "Nobody answers.", "m1"),
                new NarrationRetryRequested("s1", "w1", "r2", "a1", "n1", "olga"));
        log.deliver(handlers);
        assertThat(db.row("SELECT narration_pending, pending_request_id FROM stories"))
                .containsEntry("narration_pending", true).containsEntry("pending_request_id", "r2");

        log.story("s1", narration("r2", "a1", "n1", 1, "The door creaks open.", "m2"));
        log.deliver(handlers);
        assertThat(db.row("SELECT text, alternatives, selected_alternative FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("text", "The door creaks open.")
                .containsEntry("alternatives", List.of("Nobody answers.", "The door creaks open."))
                .containsEntry("selected_alternative", 1);
        assertThat(provenanceOf("n1")).isEqualTo(provenance("m2"));
        assertThat(db.row("SELECT beat_count, narration_pending FROM stories"))
                .containsEntry("beat_count", 2).containsEntry("narration_pending", false);

        log.story("s1", new NarrationAlternativeSelected("s1", "n1", 0, "olga"));
        log.deliver(handlers);
        assertThat(db.row("SELECT text, selected_alternative FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("text", "Nobody answers.").containsEntry("selected_alternative", 0);
        assertThat(provenanceOf("n1")).isEqualTo(provenance("m1"));
    }

    @Test
    void anEditKeepsTheNarratorsOriginalOfTheAlternativeItChanged() {
        log.story("s1", action("a1", "olga", "I knock."),
                narration("a1", "a1", "n1", 0, "Nobody answers.", "m1"),
                new BeatEdited("s1", "n1", "Nobody answers.", "Silence answers.", "olga"),
                new BeatEdited("s1", "n1", "Silence answers.", "Only silence answers.", "bea"));
        log.deliver(handlers);
        assertThat(db.row("SELECT text, edited, original_text, alternatives FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("text", "Only silence answers.").containsEntry("edited", true)
                .containsEntry("original_text", "Nobody answers.")
                .containsEntry("alternatives", List.of("Only silence answers."));

        log.story("s1", new NarrationRetryRequested("s1", "w1", "r2", "a1", "n1", "olga"),
                narration("r2", "a1", "n1", 1, "The door opens.", "m2"));
        log.deliver(handlers);
        assertThat(db.row("SELECT text, edited, original_text FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("text", "The door opens.").containsEntry("edited", false)
                .containsEntry("original_text", null);

        log.story("s1", new NarrationAlternativeSelected("s1", "n1", 0, "olga"));
        log.deliver(handlers);
        assertThat(db.row("SELECT text, edited, original_text FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("text", "Only silence answers.").containsEntry("edited", true)
                .containsEntry("original_text", "Nobody answers.");
    }

    @Test
    void anEditWithoutItsOriginalKeepsTheAlternativeAsItStoodBeforeTheFirstEdit() {
        log.story("s1", action("a1", "olga", "I knock."),
                narration("a1", "a1", "n1", 0, "Nobody answers.", "m1"),
                new BeatEdited("s1", "n1", null, "Silence answers.", "olga"),
                new BeatEdited("s1", "n1", null, "Only silence answers.", "bea"),
                new NarrationRetryRequested("s1", "w1", "r2", "a1", "n1", "olga"),
                narration("r2", "a1", "n1", 1, "The door opens.", "m2"),
                new BeatEdited("s1", "n1", null, "The door creaks open.", "olga"));
        log.deliver(handlers);
        assertThat(db.row("SELECT text, edited, original_text FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("text", "The door creaks open.").containsEntry("edited", true)
                .containsEntry("original_text", "The door opens.");

        log.story("s1", new NarrationAlternativeSelected("s1", "n1", 0, "olga"));
        log.deliver(handlers);
        assertThat(db.row("SELECT text, edited, original_text FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("text", "Only silence answers.").containsEntry("edited", true)
                .containsEntry("original_text", "Nobody answers.");
    }

    @Test
    void aRatingIsRecordedOnTheBeat() {
        log.story("s1", action("a1", "olga", "I sing."), narration("a1", "a1", "n1", 0, "Birds join in.", "m1"),
                new BeatRated("s1", "n1", 4, "bea"), new BeatRated("s1", "n1", 5, "olga"));
        log.deliver(handlers);

        assertThat(db.row("SELECT rating, updated_at FROM beats WHERE beat_id = 'n1'"))
                .containsEntry("rating", 5).containsEntry("updated_at", at(log.size() - 1));
    }

    @Test
    void theLatestFlagIsReadBackWithTheBeat() {
        log.story("s1", action("a1", "olga", "I shove the guard."), narration("a1", "a1", "n1", 0, "He stumbles.", "m1"),
                new BeatFlagged("s1", "w1", "a1", BeatKind.PLAYER_ACTION, "I shove the guard.",
                        List.of(HarmCategory.VIOLENCE, HarmCategory.HARASSMENT), 2, false, "wanda"),
                new BeatFlagged("s1", "w1", "n1", BeatKind.NARRATION, "He stumbles.", List.of(HarmCategory.VIOLENCE), 1,
                        false, "wanda"),
                new BeatFlagged("s1", "w1", "n1", BeatKind.NARRATION, "He stumbles.", List.of(), 0, false, "ada"));
        log.deliver(handlers);

        Map<String, BeatFlag> flags = new LinkedHashMap<>();
        db.jdbc().sql("SELECT " + BeatRows.COLUMNS + " FROM beats ORDER BY position").query(BeatRows.VIEW).list()
                .forEach(view -> flags.put(view.beatId(), view.flag()));
        assertThat(flags).containsEntry("a1",
                new BeatFlag(List.of(HarmCategory.VIOLENCE, HarmCategory.HARASSMENT), 2, false, "wanda"));
        assertThat(flags).containsEntry("n1", new BeatFlag(List.of(), 0, false, "ada"));
    }

    @Test
    void anUnflaggedBeatHasNoFlag() {
        log.story("s1", action("a1", "olga", "I wait."));
        log.deliver(handlers);

        assertThat(db.jdbc().sql("SELECT " + BeatRows.COLUMNS + " FROM beats").query(BeatRows.VIEW).single().flag()).isNull();
    }

    @Test
    void erasingDeletesTheTailAndLaterBeatsContinueThePositions() {
        log.story("s1", action("a1", "olga", "I wait."), narration("a1", "a1", "n1", 0, "Night falls.", "m1"),
                action("a2", "olga", "I sleep."), narration("a2", "a2", "n2", 0, "Wolves howl.", "m1"),
                new BeatsErased("s1", List.of("a2", "n2"), "olga"),
                action("a2", "bea", "I keep watch."));
        log.deliver(handlers);

        assertThat(db.rows("SELECT beat_id, position, player_id, text FROM beats ORDER BY position"))
                .extracting(row -> row.get("beat_id") + "@" + row.get("position") + ":" + row.get("text"))
                .containsExactly("a1@1:I wait.", "n1@2:Night falls.", "a2@3:I keep watch.");
        assertThat(db.row("SELECT beat_count FROM stories")).containsEntry("beat_count", 3);
    }

    @Test
    void aFailedNarrationSettlesThePendingRequest() {
        log.story("s1", action("a1", "olga", "I shout."),
                new NarrationFailed("s1", "a1", "a1", "model timed out", "m1"));
        log.deliver(handlers);

        assertThat(db.row("SELECT narration_pending, pending_request_id, beat_count FROM stories"))
                .containsEntry("narration_pending", false).containsEntry("pending_request_id", null)
                .containsEntry("beat_count", 1);
    }

    private static NarrationProvenance provenanceOf(String beatId) {
        return ProvenanceJson.read((String) db.row("SELECT " + BeatRows.COLUMNS + " FROM beats WHERE beat_id = '" + beatId + "'")
                .get("provenance"));
    }

    private static Map<String, Object> beat(String id, int position, BeatKind kind, String player, String text) {
        var row = new LinkedHashMap<String, Object>();
        row.put("beat_id", id);
        row.put("position", position);
        row.put("kind", kind.name());
        row.put("player_id", player);
        row.put("text", text);
        return row;
    }

    static StoryWrites writes() {
        return new StoryWrites(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(db.dataSource()));
    }
}
