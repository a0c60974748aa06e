package io.storyteller.projections.story;

import static io.storyteller.projections.story.StoryEvents.action;
import static io.storyteller.projections.story.StoryEvents.at;
import static io.storyteller.projections.story.StoryEvents.narration;
import static io.storyteller.projections.story.StoryEvents.provenance;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.AuthorsNoteSet;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.PinnedMemorySet;
import io.storyteller.domain.story.StoryEnded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Story-level events, what watchers are told, and rebuilding the story tables by replay. */
class StoryProjectionTest {

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
    void notesMemoryAndTheEndAreReflected() {
        log.story("s1", new AuthorsNoteSet("s1", "Keep it eerie.", "bea"),
                new PinnedMemorySet("s1", "Olga fears wolves.", "olga"), new StoryEnded("s1", "olga"));
        log.deliver(handlers);

        assertThat(db.row("SELECT authors_note, pinned_memory, status, updated_at FROM stories"))
                .containsEntry("authors_note", "Keep it eerie.").containsEntry("pinned_memory", "Olga fears wolves.")
                .containsEntry("status", "ENDED").containsEntry("updated_at", at(4));
    }

    @Test
    void watchersOfTheStoryReceiveFreshBeatsAndChanges() {
        List<StoryUpdate> watched = watch("s1");
        List<StoryUpdate> otherStory = watch("s2");
        log.story("s1", action("a1", "olga", "I knock."),
                narration("a1", "a1", "n1", 0, "Nobody answers.", "m1"),
                new NarrationRetryRequested("s1", "w1", "r2", "a1", "n1", "olga"),
                new NarrationFailed("s1", "r2", "a1", "guardrail blocked every candidate", "m2"),
                new BeatRated("s1", "n1", 2, "olga"),
                new BeatsErased("s1", List.of("n1"), "olga"),
                new AuthorsNoteSet("s1", "Darker.", "olga"),
                new StoryEnded("s1", "olga"));
        log.deliver(handlers);

        assertThat(watched).extracting(StoryUpdate::kind).containsExactly(
                StoryUpdateKind.STORY_CHANGED, StoryUpdateKind.STORY_CHANGED, // started, invited (from setUp)
                StoryUpdateKind.BEAT_ADDED, StoryUpdateKind.BEAT_ADDED, StoryUpdateKind.STORY_CHANGED,
                StoryUpdateKind.NARRATION_FAILED, StoryUpdateKind.BEAT_CHANGED, StoryUpdateKind.BEATS_ERASED,
                StoryUpdateKind.STORY_CHANGED, StoryUpdateKind.STORY_ENDED);
        assertThat(watched).allMatch(update -> update.storyId().equals("s1"));
        assertThat(watched.get(3).beat()).satisfies(beat -> {
            assertThat(beat.beatId()).isEqualTo("n1");
            assertThat(beat.position()).isEqualTo(2);
            assertThat(beat.provenance()).isEqualTo(provenance("m1"));
            assertThat(beat.createdAt()).isEqualTo(EventLog.timeOf(3));
        });
        assertThat(watched.get(5)).satisfies(failed -> {
            assertThat(failed.requestId()).isEqualTo("r2");
            assertThat(failed.reason()).isEqualTo("guardrail blocked every candidate");
        });
        assertThat(watched.get(6).beat().rating()).isEqualTo(2);
        assertThat(watched.get(7).beat().beatId()).isEqualTo("n1");
        assertThat(otherStory).isEmpty();
    }

    @Test
    void replayRebuildsTheSameRowsAndTellsNoWatcher() {
        log.story("s1", action("a1", "olga", "I knock."),
                narration("a1", "a1", "n1", 0, "Nobody answers.", "m1"),
                new NarrationRetryRequested("s1", "w1", "r2", "a1", "n1", "bea"),
                narration("r2", "a1", "n1", 1, "A voice answers.", "m2"),
                new BeatEdited("s1", "n1", "A voice answers.", "A whisper answers.", "bea"),
                new BeatRated("s1", "n1", 5, "olga"),
                action("a2", "bea", "I listen."),
                new NarrationFailed("s1", "a2", "a2", "timeout", "m1"),
                new BeatsErased("s1", List.of("a2"), "bea"),
                new PinnedMemorySet("s1", "A voice lives here.", "olga"));
        log.story("s2", new StoryStarted("s2", "w1", "Another", "bea"), action("s2", "b1", "bea", "Hello."));
        log.deliver(handlers);
        var live = db.snapshot();
        List<StoryUpdate> watched = watch("s1");

        log.replay(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(watched).isEmpty();

        log.redeliverAll(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(live.get("beats")).hasSize(3);
    }

    @Test
    void resetClearsEveryStoryTable() {
        log.story("s1", action("a1", "olga", "I knock."));
        log.deliver(handlers);

        new StoryProjection(db.jdbc(), writes(), emitter).reset();
        new BeatProjection(db.jdbc(), writes(), emitter).reset();

        db.snapshot().forEach((table, rows) -> assertThat(rows).as(table).isEmpty());
    }

    /** Subscribes to a story as the GraphQL layer would, and collects what it is sent. */
    private List<StoryUpdate> watch(String storyId) {
        var query = new GenericSubscriptionQueryMessage<>(new WatchStory(storyId, Actor.system()),
                ResponseTypes.instanceOf(StoryView.class), ResponseTypes.instanceOf(StoryUpdate.class));
        List<StoryUpdate> received = new CopyOnWriteArrayList<>();
        emitter.<StoryUpdate>registerUpdateHandler(query, 64).getUpdates()
                .map(SubscriptionQueryUpdateMessage::getPayload)
                .subscribe(received::add);
        return received;
    }

    static StoryWrites writes() {
        return new StoryWrites(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(db.dataSource()));
    }
}
