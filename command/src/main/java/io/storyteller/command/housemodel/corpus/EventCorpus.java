package io.storyteller.command.housemodel.corpus;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.domain.world.WorldCreated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's texts as they now stand, folded event by event: per world its active lore, per
 * story its beats. Not thread-safe; {@link CorpusReader} guards it.
 */
final class EventCorpus {

    /** Prefix of the model name in the provenance of narrations written by a house model. */
    static final String HOUSE_MODEL_PREFIX = "house:";

    private static final Set<Class<?>> FOLDED = Set.of(WorldCreated.class, WorldArchived.class,
            LoreEntryAdded.class, LoreEntryRevised.class, LoreEntryRetired.class, StoryStarted.class,
            PlayerActionSubmitted.class, NarrationRecorded.class, NarrationAlternativeSelected.class,
            BeatEdited.class, BeatsErased.class);

    private static final class WorldTexts {
        final Map<String, CorpusDocument> lore = new LinkedHashMap<>();
        final List<StoryBeats> stories = new ArrayList<>();
        long loreChangedAt = -1;
        boolean archived;
    }

    private record StoryBeats(String worldId, Map<String, CorpusBeat> beats) {
    }

    private final boolean includeHouseNarrations;
    private final Map<String, WorldTexts> worlds = new LinkedHashMap<>();
    private final Map<String, StoryBeats> stories = new HashMap<>();

    EventCorpus(boolean includeHouseNarrations) {
        this.includeHouseNarrations = includeHouseNarrations;
    }

    /** Whether events of this type change the corpus; others need not even be deserialised. */
    static boolean folds(Class<?> payloadType) {
        return FOLDED.contains(payloadType);
    }

    void apply(Object payload, long index) {
        switch (payload) {
            case WorldCreated e -> world(e.worldId());
            case WorldArchived e -> world(e.worldId()).archived = true;
            case LoreEntryAdded e -> putLore(e.worldId(), e.loreEntryId(), e.content(), index);
            case LoreEntryRevised e -> putLore(e.worldId(), e.loreEntryId(), e.content(), index);
            case LoreEntryRetired e -> {
                WorldTexts world = world(e.worldId());
                world.lore.remove(e.loreEntryId());
                world.loreChangedAt = index;
            }
            case StoryStarted e -> story(e.storyId(), e.worldId());
            case PlayerActionSubmitted e -> story(e.storyId(), e.worldId()).beats()
                    .put(e.actionBeatId(), new CorpusBeat(e.text(), false, index));
            case NarrationRecorded e -> recordNarration(e, index);
            case NarrationAlternativeSelected e -> beat(e.storyId(), e.beatId())
                    .ifPresent(beat -> beat.select(e.alternativeIndex(), index));
            case BeatEdited e -> beat(e.storyId(), e.beatId()).ifPresent(beat -> beat.edit(e.editedText(), index));
            case BeatsErased e -> Optional.ofNullable(stories.get(e.storyId()))
                    .ifPresent(story -> e.beatIds().forEach(story.beats()::remove));
            default -> {
                // Nothing else changes what a model should learn.
            }
        }
    }

    Set<String> worlds() {
        return Set.copyOf(worlds.keySet());
    }

    Optional<String> worldOfStory(String storyId) {
        return Optional.ofNullable(stories.get(storyId)).map(StoryBeats::worldId);
    }

    WorldCorpus world(String worldId, CorpusRange range) {
        WorldTexts world = worlds.get(worldId);
        if (world == null) {
            return new WorldCorpus(worldId, List.of(), -1, false, range);
        }
        List<CorpusDocument> documents = new ArrayList<>(world.lore.values());
        for (StoryBeats story : world.stories) {
            story.beats().values().forEach(beat -> beat.document(includeHouseNarrations).ifPresent(documents::add));
        }
        return new WorldCorpus(worldId, documents, world.loreChangedAt, world.archived, range);
    }

    /** Every world's active lore: what the platform model learns from. */
    WorldCorpus allLore(String key, CorpusRange range) {
        List<CorpusDocument> documents = new ArrayList<>();
        long loreChangedAt = -1;
        for (WorldTexts world : worlds.values()) {
            documents.addAll(world.lore.values());
            loreChangedAt = Math.max(loreChangedAt, world.loreChangedAt);
        }
        return new WorldCorpus(key, documents, loreChangedAt, false, range);
    }

    private void recordNarration(NarrationRecorded e, long index) {
        NarrationProvenance provenance = e.provenance();
        boolean byHouse = provenance != null && provenance.model() != null
                && provenance.model().startsWith(HOUSE_MODEL_PREFIX);
        Map<String, CorpusBeat> beats = story(e.storyId(), e.worldId()).beats();
        CorpusBeat existing = beats.get(e.narrationBeatId());
        if (e.alternativeIndex() == 0 || existing == null) {
            beats.put(e.narrationBeatId(), new CorpusBeat(e.text(), byHouse, index));
        } else {
            existing.addAlternative(e.alternativeIndex(), e.text(), byHouse, index);
        }
    }

    private void putLore(String worldId, String loreEntryId, LoreContent content, long index) {
        WorldTexts world = world(worldId);
        world.loreChangedAt = index;
        String text = loreText(content);
        if (text.isBlank()) {
            world.lore.remove(loreEntryId);
        } else {
            world.lore.put(loreEntryId, new CorpusDocument(text, index));
        }
    }

    /** Title and content on separate lines: the title reads as its own short sentence. */
    private static String loreText(LoreContent content) {
        if (content == null) {
            return "";
        }
        String title = content.title() == null ? "" : content.title().strip();
        String body = content.content() == null ? "" : content.content().strip();
        return (title + "\n" + body).strip();
    }

    private WorldTexts world(String worldId) {
        return worlds.computeIfAbsent(worldId, id -> new WorldTexts());
    }

    /** The story, registered with its world on first sight (StoryStarted, or the first beat if that was missed). */
    private StoryBeats story(String storyId, String worldId) {
        return stories.computeIfAbsent(storyId, id -> {
            StoryBeats story = new StoryBeats(worldId, new LinkedHashMap<>());
            world(worldId).stories.add(story);
            return story;
        });
    }

    private Optional<CorpusBeat> beat(String storyId, String beatId) {
        return Optional.ofNullable(stories.get(storyId)).map(story -> story.beats().get(beatId));
    }
}
