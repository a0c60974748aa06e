package io.storyteller.projections.story;

import io.storyteller.domain.story.StoryStatus;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What events change in one story row: each change sets {@code updated_at} to its event's time, and
 * a later change of a field replaces an earlier one, so changes folded in log order and written once
 * leave the row as writing each at once would. Written by {@link StoryTable#CHANGE}.
 */
final class StoryDelta {

    private final String storyId;
    private Instant at;
    private boolean setNote;
    private String note;
    private boolean setMemory;
    private String memory;
    private String status;
    private boolean setPending;
    private boolean pending;
    private String requestId;
    private boolean recount;

    private StoryDelta(String storyId, Instant at) {
        this.storyId = storyId;
        this.at = at;
    }

    static StoryDelta touch(String storyId, Instant at) {
        return new StoryDelta(storyId, at);
    }

    static StoryDelta beatsChanged(String storyId, Instant at) {
        StoryDelta delta = touch(storyId, at);
        delta.recount = true;
        return delta;
    }

    static StoryDelta authorsNote(String storyId, String note, Instant at) {
        StoryDelta delta = touch(storyId, at);
        delta.setNote = true;
        delta.note = note == null ? "" : note;
        return delta;
    }

    static StoryDelta pinnedMemory(String storyId, String memory, Instant at) {
        StoryDelta delta = touch(storyId, at);
        delta.setMemory = true;
        delta.memory = memory == null ? "" : memory;
        return delta;
    }

    /** A pending narration may still be recorded after the end, as the aggregate allows. */
    static StoryDelta ended(String storyId, Instant at) {
        StoryDelta delta = touch(storyId, at);
        delta.status = StoryStatus.ENDED.name();
        return delta;
    }

    static StoryDelta narrationRequested(String storyId, String requestId, Instant at) {
        StoryDelta delta = touch(storyId, at);
        delta.setPending = true;
        delta.pending = true;
        delta.requestId = requestId;
        return delta;
    }

    static StoryDelta narrationSettled(String storyId, Instant at) {
        StoryDelta delta = touch(storyId, at);
        delta.setPending = true;
        return delta;
    }

    String storyId() {
        return storyId;
    }

    /** Folds a later change of the same story into this one. */
    StoryDelta then(StoryDelta later) {
        StoryDelta folded = copy();
        folded.at = later.at;
        if (later.setNote) {
            folded.setNote = true;
            folded.note = later.note;
        }
        if (later.setMemory) {
            folded.setMemory = true;
            folded.memory = later.memory;
        }
        if (later.status != null) {
            folded.status = later.status;
        }
        if (later.setPending) {
            folded.setPending = true;
            folded.pending = later.pending;
            folded.requestId = later.requestId;
        }
        folded.recount |= later.recount;
        return folded;
    }

    boolean recounts() {
        return recount;
    }

    /** The parameters of {@link StoryTable#CHANGE}; the beat count is recounted from the table. */
    Map<String, Object> params() {
        return params(null);
    }

    /** The parameters of {@link StoryTable#CHANGE}, with the beat count when it is known (null: recounted). */
    Map<String, Object> params(Integer beatCount) {
        Map<String, Object> params = new HashMap<>();
        params.put("storyId", storyId);
        params.put("at", Columns.time(at));
        params.put("setNote", setNote);
        params.put("note", note);
        params.put("setMemory", setMemory);
        params.put("memory", memory);
        params.put("status", status);
        params.put("setPending", setPending);
        params.put("pending", pending);
        params.put("requestId", requestId);
        params.put("recount", recount);
        params.put("beatCount", beatCount);
        return params;
    }

    private StoryDelta copy() {
        StoryDelta copy = new StoryDelta(storyId, at);
        copy.setNote = setNote;
        copy.note = note;
        copy.setMemory = setMemory;
        copy.memory = memory;
        copy.status = status;
        copy.setPending = setPending;
        copy.pending = pending;
        copy.requestId = requestId;
        copy.recount = recount;
        return copy;
    }
}
