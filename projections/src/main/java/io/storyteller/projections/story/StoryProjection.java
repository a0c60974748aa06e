package io.storyteller.projections.story;

import io.storyteller.domain.story.AuthorsNoteSet;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.ParticipantInvited;
import io.storyteller.domain.story.PinnedMemorySet;
import io.storyteller.domain.story.StoryEnded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.projections.schema.BatchedReplay;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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
public class StoryProjection implements BatchedReplay {

    /** The processing group of every Story event handler. */
    public static final String GROUP = "stories";

    private final StoryTable stories;
    private final StoryWrites writes;
    private final StoryUpdates updates;

    public StoryProjection(JdbcClient jdbc, StoryWrites writes, QueryUpdateEmitter emitter) {
        this.stories = new StoryTable(jdbc);
        this.writes = writes;
        this.updates = new StoryUpdates(emitter);
    }

    @Override
    public boolean collects(EventMessage<?> event) {
        return writes.collects(event);
    }

    @Override
    public void discard(EventMessage<?> event) {
        writes.discard(event);
    }

    @EventHandler
    void on(StoryStarted event, @Timestamp Instant at, ReplayStatus replay) {
        writes.write(StoryTable.start(event, at));
        writes.write(StoryTable.join(event.storyId(), event.ownerId(), at));
        writes.change(StoryDelta.touch(event.storyId(), at));
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(ParticipantInvited event, @Timestamp Instant at, ReplayStatus replay) {
        writes.write(StoryTable.join(event.storyId(), event.userId(), at));
        writes.change(StoryDelta.touch(event.storyId(), at));
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(AuthorsNoteSet event, @Timestamp Instant at, ReplayStatus replay) {
        writes.change(StoryDelta.authorsNote(event.storyId(), event.note(), at));
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(PinnedMemorySet event, @Timestamp Instant at, ReplayStatus replay) {
        writes.change(StoryDelta.pinnedMemory(event.storyId(), event.memory(), at));
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(NarrationRetryRequested event, @Timestamp Instant at, ReplayStatus replay) {
        writes.change(StoryDelta.narrationRequested(event.storyId(), event.requestId(), at));
        if (!replay.isReplay()) {
            updates.storyChanged(event.storyId());
        }
    }

    @EventHandler
    void on(NarrationFailed event, @Timestamp Instant at, ReplayStatus replay) {
        writes.change(StoryDelta.narrationSettled(event.storyId(), at));
        if (!replay.isReplay()) {
            updates.narrationFailed(event.storyId(), event.requestId(), event.reason(), event.code());
        }
    }

    @EventHandler
    void on(StoryEnded event, @Timestamp Instant at, ReplayStatus replay) {
        writes.change(StoryDelta.ended(event.storyId(), at));
        if (!replay.isReplay()) {
            updates.storyEnded(event.storyId());
        }
    }

    /** Before a replay: the replay rebuilds both tables from the first event. */
    @ResetHandler
    public void reset() {
        stories.clear();
        writes.replayStarts();
    }
}
