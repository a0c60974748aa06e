package io.storyteller.command.narration.context;

import io.storyteller.domain.story.AuthorsNoteSet;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.ParticipantInvited;
import io.storyteller.domain.story.PinnedMemorySet;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryFactCorrected;
import io.storyteller.domain.story.StoryFactPinned;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.domain.story.StoryStarted;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the narrator knows of a story, folded from its stream: the author's note, the pinned
 * memory, the participants and its last beats, at most {@code size} of them, each as it now stands
 * (selected alternative, edits). Beats that fall out of the window are forgotten; when an erase
 * then shortens the window, it can no longer tell what came before, and asks to be read again:
 * from the start and unbounded (erases are rare), then cut back to its size.
 */
final class StoryWindow extends AggregateFold {

    private final int size;
    private String worldId;
    private String authorsNote;
    private String pinnedMemory;
    private final Set<String> participants = new LinkedHashSet<>();
    private final Map<String, WindowBeat> beats = new LinkedHashMap<>();
    // The story's continuity facts outlive the window: every fact event is kept, in order.
    private final List<Object> factEvents = new ArrayList<>();
    /** Beats the story holds now (added, less erased): the window's last beat is at this position. */
    private int storyBeats;
    private boolean forgotSome;
    private boolean stale;
    private boolean bounded = true;

    StoryWindow(int size) {
        this.size = size;
    }

    @Override
    void apply(Object payload) {
        switch (payload) {
            case StoryStarted e -> {
                worldId = e.worldId();
                participants.add(e.ownerId());
            }
            case StoryFactsRecorded e -> factEvents.add(e);
            case StoryFactPinned e -> factEvents.add(e);
            case StoryFactCorrected e -> factEvents.add(e);
            case ParticipantInvited e -> participants.add(e.userId());
            case AuthorsNoteSet e -> authorsNote = e.note();
            case PinnedMemorySet e -> pinnedMemory = e.memory();
            case PlayerActionSubmitted e -> add(new WindowBeat(e.actionBeatId(), BeatKind.PLAYER_ACTION, e.playerId(), e.text()));
            case NarrationRecorded e -> recordNarration(e);
            case NarrationAlternativeSelected e -> {
                WindowBeat beat = beats.get(e.beatId());
                if (beat != null) {
                    beat.select(e.alternativeIndex());
                }
            }
            case BeatEdited e -> {
                WindowBeat beat = beats.get(e.beatId());
                if (beat != null) {
                    beat.edit(e.editedText());
                }
            }
            case BeatsErased e -> {
                e.beatIds().forEach(beats::remove);
                storyBeats -= e.beatIds().size();
                // Beats before the window would now move into it, and they are forgotten.
                stale = bounded && forgotSome;
            }
            default -> {
                // Ratings, failures, shadows and the story's end do not change what the narrator is told.
            }
        }
    }

    @Override
    void reset() {
        super.reset();
        authorsNote = null;
        pinnedMemory = null;
        participants.clear();
        beats.clear();
        factEvents.clear();
        storyBeats = 0;
        forgotSome = false;
        stale = false;
        bounded = false;
    }

    /** After a reread from the start: keeps the last {@code size} beats and forgets the others again. */
    void bound() {
        bounded = true;
        forgetBeyondSize();
    }

    /** Whether an erase reached past what the window remembers: then it must be read again from the start. */
    boolean stale() {
        return stale;
    }

    /** The story's world, null until the story is known. */
    String worldId() {
        return worldId;
    }

    /** The story's fact events (recorded, pinned, corrected), oldest first. */
    List<Object> factEvents() {
        return List.copyOf(factEvents);
    }

    String authorsNote() {
        return authorsNote;
    }

    String pinnedMemory() {
        return pinnedMemory;
    }

    List<String> participants() {
        return List.copyOf(participants);
    }

    /** The story's beats, in the window or before it. */
    int beats() {
        return storyBeats;
    }

    /** The story position (1-based, as the read model and the fact recorder count) of the window's first beat. */
    int firstPosition() {
        return storyBeats - beats.size() + 1;
    }

    /** The beats in the window, oldest first. */
    List<Turn> recentBeats() {
        return beats.values().stream().map(WindowBeat::turn).toList();
    }

    private void recordNarration(NarrationRecorded e) {
        if (e.alternativeIndex() == 0) {
            add(new WindowBeat(e.narrationBeatId(), BeatKind.NARRATION, null, e.text()));
            return;
        }
        WindowBeat beat = beats.get(e.narrationBeatId());
        if (beat != null) {
            beat.addAlternative(e.alternativeIndex(), e.text());
        }
    }

    private void add(WindowBeat beat) {
        if (beats.put(beat.beatId, beat) == null) {
            storyBeats++;
        }
        if (bounded) {
            forgetBeyondSize();
        }
    }

    private void forgetBeyondSize() {
        for (Iterator<WindowBeat> oldest = beats.values().iterator(); beats.size() > size; ) {
            oldest.next();
            oldest.remove();
            forgotSome = true;
        }
    }

    /** One beat and its alternatives, as the Story aggregate keeps them. */
    private static final class WindowBeat {

        final String beatId;
        final BeatKind kind;
        final String playerId;
        final List<String> alternatives = new ArrayList<>();
        int selected;

        WindowBeat(String beatId, BeatKind kind, String playerId, String text) {
            this.beatId = beatId;
            this.kind = kind;
            this.playerId = playerId;
            alternatives.add(text);
        }

        void addAlternative(int index, String text) {
            while (alternatives.size() <= index) {
                alternatives.add("");
            }
            alternatives.set(index, text);
            selected = index;
        }

        void select(int index) {
            if (index >= 0 && index < alternatives.size()) {
                selected = index;
            }
        }

        void edit(String text) {
            alternatives.set(selected, text);
        }

        Turn turn() {
            String text = alternatives.get(selected);
            return new Turn(beatId, kind, playerId, text == null ? "" : text);
        }
    }
}
