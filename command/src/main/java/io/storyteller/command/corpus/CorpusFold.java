package io.storyteller.command.corpus;

import io.storyteller.domain.story.AuthorsNoteSet;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PinnedMemorySet;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryEnded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.domain.world.WorldSettingsChanged;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Folds the event log, in order, into dataset records. Records an event settles at once (texts for
 * the detector, ranked candidates, edits) go out as it is folded; what only a story's end settles
 * waits in its {@link FoldedStory} until {@link StoryEnded} or {@link #finish()}. What is kept is
 * the current text of the selected worlds' open stories and their lore, never the log itself.
 */
final class CorpusFold {

    /** Beats before the action given as the narration's context, as the narrator's recent window would. */
    static final int RECENT_BEATS = 6;

    private static final Set<Class<?>> FOLDED = Set.of(WorldCreated.class, WorldSettingsChanged.class,
            LoreEntryAdded.class, LoreEntryRevised.class, LoreEntryRetired.class, StoryStarted.class, StoryEnded.class,
            AuthorsNoteSet.class, PinnedMemorySet.class, PlayerActionSubmitted.class, NarrationRecorded.class,
            NarrationAlternativeSelected.class, BeatEdited.class, BeatsErased.class, BeatRated.class, BeatFlagged.class);

    private static final class FoldedWorld {
        WorldSettings settings;
        final Map<String, LoreContent> lore = new LinkedHashMap<>();
    }

    private final RecordFilter filter;
    private final CorpusRecords records;
    private final Consumer<CorpusRecord> sink;
    private final Map<String, FoldedWorld> worlds = new HashMap<>();
    private final Map<String, FoldedStory> stories = new LinkedHashMap<>();

    CorpusFold(RecordFilter filter, CorpusRecords records, Consumer<CorpusRecord> sink) {
        this.filter = filter;
        this.records = records;
        this.sink = sink;
    }

    /** Whether events of this type matter at all; others need not even be deserialised. */
    static boolean folds(Class<?> payloadType) {
        return FOLDED.contains(payloadType);
    }

    void accept(LoggedEvent event) {
        boolean yields = filter.yields(event);
        switch (event.payload()) {
            case WorldCreated e -> world(e.worldId(), w -> w.settings = e.settings());
            case WorldSettingsChanged e -> world(e.worldId(), w -> w.settings = e.settings());
            case LoreEntryAdded e -> lore(e.worldId(), e.loreEntryId(), e.content(), yields);
            case LoreEntryRevised e -> lore(e.worldId(), e.loreEntryId(), e.content(), yields);
            case LoreEntryRetired e -> world(e.worldId(), w -> w.lore.remove(e.loreEntryId()));
            case StoryStarted e -> {
                if (filter.folds(e.worldId())) {
                    story(e.storyId(), e.worldId());
                }
            }
            case StoryEnded e -> end(e.storyId());
            case AuthorsNoteSet e -> known(e.storyId(), story -> story.authorsNote = e.note());
            case PinnedMemorySet e -> known(e.storyId(), story -> story.pinnedMemory = e.memory());
            case PlayerActionSubmitted e -> action(e, yields);
            case NarrationRecorded e -> narration(e, yields);
            case NarrationAlternativeSelected e -> known(e.storyId(), story -> beat(story, e.beatId(), b -> b.select(e.alternativeIndex())));
            case BeatEdited e -> known(e.storyId(), story -> beat(story, e.beatId(), b -> edit(story, b, e, yields)));
            case BeatsErased e -> known(e.storyId(), story -> story.erase(e.beatIds()));
            case BeatRated e -> known(e.storyId(), story -> {
                if (yields) {
                    story.rate(e.beatId(), e.rating(), e.ratedBy());
                } else {
                    story.unrate(e.beatId(), e.ratedBy()); // a later rating outside the selection replaces it
                }
            });
            case BeatFlagged e -> known(e.storyId(), story -> story.flag(e, yields));
            default -> {
                // Nothing else is text or a judgement of text.
            }
        }
    }

    /** Writes out every story still open, in the order they started. */
    void finish() {
        stories.values().forEach(story -> story.writeOut(records, sink));
        stories.clear();
    }

    private void action(PlayerActionSubmitted e, boolean yields) {
        if (!filter.folds(e.worldId())) {
            return;
        }
        FoldedStory story = story(e.storyId(), e.worldId());
        story.add(new FoldedBeat(e.actionBeatId(), BeatKind.PLAYER_ACTION, e.text(), null, yields));
        if (yields) {
            sink.accept(records.detector(e.storyId(), "action:" + e.actionBeatId(), e.text(), CorpusRecords.HUMAN, "action"));
        }
    }

    private void narration(NarrationRecorded e, boolean yields) {
        if (!filter.folds(e.worldId())) {
            return;
        }
        FoldedStory story = story(e.storyId(), e.worldId());
        FoldedBeat beat = story.beat(e.narrationBeatId());
        if (beat == null) {
            beat = new FoldedBeat(e.narrationBeatId(), BeatKind.NARRATION, e.text(), prompt(story, e), yields);
            story.add(beat);
        } else {
            beat.addAlternative(e.alternativeIndex(), e.text(), yields);
        }
        if (!yields) {
            return;
        }
        sink.accept(records.detector(e.storyId(), "narration:" + e.narrationBeatId() + "/" + e.alternativeIndex(),
                e.text(), CorpusRecords.GENERATED, "narration"));
        if (e.provenance() != null) {
            for (CandidateReport candidate : e.provenance().candidates()) {
                if (rejected(candidate) && !candidate.text().equals(e.text())) {
                    sink.accept(records.preference(e.storyId(), beat.prompt, e.text(), candidate.text(), "candidates"));
                }
            }
        }
    }

    /** A candidate that answered and lost: outranked, machine-written or blocked. */
    private static boolean rejected(CandidateReport candidate) {
        return candidate.text() != null && !candidate.text().isBlank()
                && (candidate.outcome() == CandidateOutcome.OUTRANKED || candidate.outcome() == CandidateOutcome.MACHINE_WRITTEN
                || candidate.outcome() == CandidateOutcome.BLOCKED);
    }

    private void edit(FoldedStory story, FoldedBeat beat, BeatEdited e, boolean yields) {
        // Edits leave the text before them to this fold (revision 2; older ones are upcast to it).
        String original = beat.text();
        beat.edit(e.editedText());
        if (!yields) {
            return;
        }
        sink.accept(records.detector(story.storyId, "edit:" + e.beatId() + "/" + e.editedText().hashCode(),
                e.editedText(), CorpusRecords.HUMAN, "edit"));
        if (beat.kind == BeatKind.NARRATION && beat.prompt != null) {
            sink.accept(records.preference(story.storyId, beat.prompt, e.editedText(), original, "edit"));
        }
    }

    /** The prompt as the log shows it now: the lore the provenance names (always-on lore for older narrations). */
    private NarrationPrompt prompt(FoldedStory story, NarrationRecorded e) {
        FoldedWorld world = worlds.get(story.worldId);
        List<String> loreIds = e.provenance() == null ? List.of() : e.provenance().loreEntryIds();
        List<LoreContent> lore = world == null ? List.of() : loreIds.isEmpty()
                ? world.lore.values().stream().filter(LoreContent::alwaysOn).toList()
                : loreIds.stream().map(world.lore::get).filter(Objects::nonNull).toList();
        FoldedBeat action = story.beat(e.actionBeatId());
        return new NarrationPrompt(world == null ? null : world.settings, lore, story.authorsNote, story.pinnedMemory,
                story.recentBefore(e.actionBeatId(), RECENT_BEATS), action == null ? "" : action.text());
    }

    private void lore(String worldId, String loreEntryId, LoreContent content, boolean yields) {
        if (!filter.folds(worldId) || content == null) {
            return;
        }
        worlds.computeIfAbsent(worldId, id -> new FoldedWorld()).lore.put(loreEntryId, content);
        if (yields) {
            sink.accept(records.detector("world:" + worldId, "lore:" + loreEntryId + "/" + (content.title() + content.content()).hashCode(),
                    content.title() + "\n" + content.content(), CorpusRecords.HUMAN, "lore"));
        }
    }

    private void world(String worldId, Consumer<FoldedWorld> change) {
        if (filter.folds(worldId)) {
            change.accept(worlds.computeIfAbsent(worldId, id -> new FoldedWorld()));
        }
    }

    private FoldedStory story(String storyId, String worldId) {
        return stories.computeIfAbsent(storyId, id -> new FoldedStory(id, worldId));
    }

    private void known(String storyId, Consumer<FoldedStory> change) {
        FoldedStory story = stories.get(storyId);
        if (story != null) {
            change.accept(story);
        }
    }

    private static void beat(FoldedStory story, String beatId, Consumer<FoldedBeat> change) {
        FoldedBeat beat = story.beat(beatId);
        if (beat != null) {
            change.accept(beat);
        }
    }

    private void end(String storyId) {
        FoldedStory story = stories.remove(storyId);
        if (story != null) {
            story.writeOut(records, sink);
        }
    }
}
