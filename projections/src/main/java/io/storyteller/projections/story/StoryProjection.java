package io.storyteller.projections.story;

import io.storyteller.domain.story.AuthorsNoteSet;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.ParticipantInvited;
import io.storyteller.domain.story.PinnedMemorySet;
import io.storyteller.domain.story.StoryEnded;
import io.storyteller.domain.story.StoryStarted;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code stories} and {@code story_participants} for the story-level events, and tells
 * watchers. Beat events are {@link BeatProjection}'s. During a replay nothing is sent to
 * watchers: the facts are old news.
 */
@Component
@ProcessingGroup(StoryProjection.GROUP)
@AllowReplay
public class StoryProjection {

    /** The processing group of every Story event handler. */
    public static final String GROUP = "stories";

    private final StoryTable stories;
    private final StoryUpdates updates;

    public StoryProjection(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        this.stories = new StoryTable(jdbc);
        this.updates = new StoryUpdates(emitter);
    }

    @EventHandler
    void on(StoryStarted event, @Timestamp Instant at, ReplayStatus replay) {
        stories.start(event, at);
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(ParticipantInvited event, @Timestamp Instant at, ReplayStatus replay) {
        stories.addParticipant(event.storyId(), event.userId(), at);
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(AuthorsNoteSet event, @Timestamp Instant at, ReplayStatus replay) {
        stories.setAuthorsNote(event.storyId(), event.note(), at);
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(PinnedMemorySet event, @Timestamp Instant at, ReplayStatus replay) {
        stories.setPinnedMemory(event.storyId(), event.memory(), at);
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(NarrationRetryRequested event, @Timestamp Instant at, ReplayStatus replay) {
        stories.narrationRequested(event.storyId(), event.requestId(), at);
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(NarrationFailed event, @Timestamp Instant at, ReplayStatus replay) {
        stories.narrationSettled(event.storyId(), at);
        if (!replay.isReplay()) {
            updates.narrationFailed(event.storyId(), event.requestId(), event.reason());
        }
    }

    @EventHandler
    void on(StoryEnded event, @Timestamp Instant at, ReplayStatus replay) {
        stories.end(event.storyId(), at);
        if (!replay.isReplay()) {
            updates.storyEnded(event.storyId());
        }
    }

    /** Before a replay: the replay rebuilds both tables from the first event. */
    @ResetHandler
    public void reset() {
        stories.clear();
    }
}
