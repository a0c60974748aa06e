package io.storyteller.domain.story;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The beats that stand in a story, oldest first, and the ids of those erased: with the standing
 * beats' ids, every id ever used in the story, so the log never holds two beats with one id. Beat
 * ids come from clients and the engine, not from a counter of this story, so uniqueness needs the
 * ids themselves. In a snapshot it is {@link PackedBeats}.
 */
final class StoryBeats {

    private String storyId;
    private final List<Beat> beats = new ArrayList<>();
    /** Insertion-ordered, so that a snapshot reads back to the very same bytes. */
    private final Set<String> erasedBeatIds = new LinkedHashSet<>();

    StoryBeats() {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static StoryBeats unpacked(PackedBeats packed) {
        StoryBeats story = new StoryBeats();
        story.storyId = packed.storyId();
        story.beats.addAll(packed.beats());
        story.erasedBeatIds.addAll(packed.erasedIds());
        return story;
    }

    @JsonValue
    PackedBeats packed() {
        return PackedBeats.of(storyId, beats, erasedBeatIds);
    }

    void startedAs(String storyId) {
        this.storyId = storyId;
    }

    boolean isEmpty() {
        return beats.isEmpty();
    }

    Beat last() {
        return beats.getLast();
    }

    /** Whether a beat with this id stands or ever stood in the story. */
    boolean used(String beatId) {
        return erasedBeatIds.contains(beatId) || find(beatId).isPresent();
    }

    /** Searched from the end: most commands address the latest beats. */
    Optional<Beat> find(String beatId) {
        for (int i = beats.size() - 1; i >= 0; i--) {
            if (beats.get(i).beatId.equals(beatId)) {
                return Optional.of(beats.get(i));
            }
        }
        return Optional.empty();
    }

    /** The ids of the beat and of every beat after it: what erasing from it takes away. */
    List<String> idsFrom(Beat beat) {
        return beats.subList(beats.indexOf(beat), beats.size()).stream().map(b -> b.beatId).toList();
    }

    void add(Beat beat) {
        beats.add(beat);
    }

    void erase(List<String> beatIds) {
        Set<String> erased = Set.copyOf(beatIds);
        beats.removeIf(b -> erased.contains(b.beatId));
        erasedBeatIds.addAll(beatIds);
    }
}
