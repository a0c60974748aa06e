package io.storyteller.projections.story;

import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.WatchStory;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Tells a story's watchers ({@link WatchStory} subscriptions) what changed. Inside a unit of work
 * Axon sends the update after the projection's transaction commits, so a watcher that reads
 * again sees the change.
 */
final class StoryUpdates {

    private final QueryUpdateEmitter emitter;

    StoryUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    void beatAdded(BeatView beat) {
        emit(beat.storyId(), StoryUpdateKind.BEAT_ADDED, beat, null, null);
    }

    void beatChanged(BeatView beat) {
        emit(beat.storyId(), StoryUpdateKind.BEAT_CHANGED, beat, null, null);
    }

    /** {@code firstErased} is the earliest erased beat as it was: it and every later beat are gone. */
    void beatsErased(String storyId, BeatView firstErased) {
        emit(storyId, StoryUpdateKind.BEATS_ERASED, firstErased, null, null);
    }

    void narrationFailed(String storyId, String requestId, String reason, String code) {
        send(new StoryUpdate(storyId, StoryUpdateKind.NARRATION_FAILED, null, requestId, null, reason, code));
    }

    void storyChanged(String storyId) {
        emit(storyId, StoryUpdateKind.STORY_CHANGED, null, null, null);
    }

    void storyEnded(String storyId) {
        emit(storyId, StoryUpdateKind.STORY_ENDED, null, null, null);
    }

    private void emit(String storyId, StoryUpdateKind kind, BeatView beat, String requestId, String reason) {
        send(new StoryUpdate(storyId, kind, beat, requestId, null, reason));
    }

    private void send(StoryUpdate update) {
        emitter.emit(WatchStory.class, query -> query.wants(update), update);
    }
}
