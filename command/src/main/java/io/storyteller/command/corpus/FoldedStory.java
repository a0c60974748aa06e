package io.storyteller.command.corpus;

import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A story's beats, ratings and flags as the exporter keeps them until the story ends or the log
 * does; then {@link #writeOut} turns what only the story's end can settle (the narration that
 * stands, which alternatives were retried away, a beat's latest flag and ratings) into records.
 */
final class FoldedStory {

    /** A rating as given: the text and prompt it judged, by whom. */
    private record Rating(NarrationPrompt prompt, String text, int rating, String ratedBy) {
    }

    private record Flag(BeatFlagged flag, boolean yields) {
    }

    final String storyId;
    final String worldId;
    String authorsNote = "";
    String pinnedMemory = "";
    private final List<FoldedBeat> beats = new ArrayList<>();
    private final Map<String, FoldedBeat> byId = new HashMap<>();
    /** Latest rating per beat and rater. */
    private final Map<String, Rating> ratings = new LinkedHashMap<>();
    /** Latest flag per beat. */
    private final Map<String, Flag> flags = new LinkedHashMap<>();

    FoldedStory(String storyId, String worldId) {
        this.storyId = storyId;
        this.worldId = worldId;
    }

    void add(FoldedBeat beat) {
        beats.add(beat);
        byId.put(beat.beatId, beat);
    }

    FoldedBeat beat(String beatId) {
        return byId.get(beatId);
    }

    /** The last {@code count} beats before the given one, as they read now (the context a narration was given). */
    List<ChatTurn> recentBefore(String beatId, int count) {
        int end = beats.size();
        for (int i = beats.size() - 1; i >= 0; i--) {
            if (beats.get(i).beatId.equals(beatId)) {
                end = i;
                break;
            }
        }
        List<ChatTurn> recent = new ArrayList<>();
        for (int i = Math.max(0, end - count); i < end; i++) {
            recent.add(beats.get(i).asTurn());
        }
        return List.copyOf(recent);
    }

    void erase(List<String> beatIds) {
        beatIds.forEach(id -> {
            FoldedBeat beat = byId.remove(id);
            if (beat != null) {
                beats.remove(beat);
            }
        });
    }

    void rate(String beatId, int rating, String ratedBy) {
        FoldedBeat beat = byId.get(beatId);
        if (beat != null && beat.prompt != null) {
            ratings.put(beatId + "\u0001" + ratedBy, new Rating(beat.prompt, beat.text(), rating, ratedBy));
        }
    }

    void unrate(String beatId, String ratedBy) {
        ratings.remove(beatId + "\u0001" + ratedBy);
    }

    /**
     * A flag judges the beat's text as it stands at the flag's place in the log, taken from this
     * fold now: flags do not carry it (revision 2; older ones are upcast to it).
     */
    void flag(BeatFlagged flag, boolean yields) {
        FoldedBeat beat = byId.get(flag.beatId());
        if (beat == null) {
            return; // nothing to label: the beat never stood in this fold
        }
        BeatFlagged judged = new BeatFlagged(flag.storyId(), flag.worldId(), flag.beatId(),
                flag.beatKind(), beat.text(), flag.categories(), flag.severity(), flag.realWorld(), flag.flaggedBy());
        flags.put(flag.beatId(), new Flag(judged, yields));
    }

    /** The story's settled records: narrations as they stand, retries, ratings, flags and unflagged beats. */
    void writeOut(CorpusRecords records, Consumer<CorpusRecord> sink) {
        for (FoldedBeat beat : beats) {
            if (beat.kind == BeatKind.NARRATION && beat.prompt != null) {
                writeNarration(beat, records, sink);
            }
            if (beat.yields && !flags.containsKey(beat.beatId) && !beat.text().isBlank()) {
                sink.accept(records.unflagged(storyId, beat.beatId, beat.text(), beat.kind));
            }
        }
        ratings.values().forEach(rating -> sink.accept(
                records.rating(storyId, rating.prompt(), rating.text(), rating.rating(), rating.ratedBy())));
        flags.values().stream().filter(Flag::yields).forEach(flag -> sink.accept(records.flagged(flag.flag())));
    }

    private void writeNarration(FoldedBeat beat, CorpusRecords records, Consumer<CorpusRecord> sink) {
        if (beat.yields && !beat.text().isBlank()) {
            sink.accept(records.sft(storyId, beat.prompt, beat.text()));
        }
        if (beat.retryYields) {
            String kept = beat.generated();
            for (int i = 0; i < beat.alternatives.size(); i++) {
                String other = beat.alternatives.get(i);
                if (i != beat.selected && !other.isBlank() && !other.equals(kept)) {
                    sink.accept(records.preference(storyId, beat.prompt, kept, other, "retry"));
                }
            }
        }
    }
}
