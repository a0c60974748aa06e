package io.storyteller.projections.story;

import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.story.ParticipantInvited;
import io.storyteller.projections.support.EventLog;
import java.sql.Timestamp;
import java.util.List;

/** Story s1 in world w1, owned by olga with bea invited, and the events its tests feed. */
final class StoryEvents {

    private StoryEvents() {
    }

    /** A log that starts s1: olga starts it (event 0) and invites bea (event 1). */
    static EventLog startedStory() {
        return new EventLog().story("s1", new StoryStarted("s1", "w1", "The long night", "olga"),
                new ParticipantInvited("s1", "bea", "olga"));
    }

    static PlayerActionSubmitted action(String beatId, String playerId, String text) {
        return action("s1", beatId, playerId, text);
    }

    static PlayerActionSubmitted action(String storyId, String beatId, String playerId, String text) {
        return new PlayerActionSubmitted(storyId, "w1", beatId, playerId, text);
    }

    static NarrationRecorded narration(String requestId, String actionBeatId, String beatId, int index,
                                       String text, String model) {
        return new NarrationRecorded("s1", "w1", requestId, actionBeatId, beatId, index, text, provenance(model));
    }

    static NarrationProvenance provenance(String model) {
        return new NarrationProvenance(model, "1.0", "sha256:" + model, List.of("l1"), 420, 900, 120);
    }

    /** The timestamp column value of the event at {@code index}. */
    static Timestamp at(int index) {
        return Timestamp.from(EventLog.timeOf(index));
    }
}
