package io.storyteller.command.corpus;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An event log written by hand, one event a second from a fixed instant, and the export of it. */
final class HandBuiltLog {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final List<LoggedEvent> events = new ArrayList<>();

    HandBuiltLog add(Object payload) {
        events.add(new LoggedEvent(events.size(), START.plusSeconds(events.size()), payload));
        return this;
    }

    HandBuiltLog world(String worldId, String name) {
        return add(new WorldCreated(worldId, new WorldSettings(name, "A coast of fog and lanterns.", "mystery", "quiet",
                ContentRating.TEEN, "second person"), "owner-" + worldId));
    }

    HandBuiltLog lore(String worldId, String loreId, String title, String content) {
        return add(new LoreEntryAdded(worldId, loreId, new LoreContent(title, List.of(title.toLowerCase()), content,
                "places", 0, false), "owner-" + worldId));
    }

    HandBuiltLog story(String storyId, String worldId) {
        return add(new StoryStarted(storyId, worldId, "A night", "alice@example.org"));
    }

    HandBuiltLog action(String storyId, String worldId, String beatId, String text) {
        return add(new PlayerActionSubmitted(storyId, worldId, beatId, "alice@example.org", text));
    }

    HandBuiltLog narration(String storyId, String worldId, String actionId, String beatId, int alternative, String text,
                           List<String> loreIds, CandidateReport... candidates) {
        NarrationProvenance provenance = new NarrationProvenance("house:" + worldId, "1", "digest", loreIds, 10, 5, 5)
                .judged(List.of(candidates), "highest total", List.of());
        return add(new NarrationRecorded(storyId, worldId, "request-" + beatId, actionId, beatId, alternative, text, provenance));
    }

    HandBuiltLog select(String storyId, String beatId, int alternative) {
        return add(new NarrationAlternativeSelected(storyId, beatId, alternative, "alice@example.org"));
    }

    HandBuiltLog edit(String storyId, String beatId, String original, String edited) {
        return add(new BeatEdited(storyId, beatId, original, edited, "alice@example.org"));
    }

    HandBuiltLog rate(String storyId, String beatId, int rating) {
        return add(new BeatRated(storyId, beatId, rating, "alice@example.org"));
    }

    HandBuiltLog flag(String storyId, String worldId, String beatId, String text, HarmCategory category, int severity) {
        return add(new BeatFlagged(storyId, worldId, beatId, BeatKind.NARRATION, text,
                category == null ? List.of() : List.of(category), severity, false, "moderator-bob"));
    }

    static CandidateReport candidate(int index, String text, CandidateOutcome outcome) {
        return new CandidateReport(index, 1, null, null, null, null, "house:w", "1", text, null, 10, 5, 5, null, outcome);
    }

    static CorpusSelection all() {
        return new CorpusSelection(null, null, null, null, List.of(), List.of(), List.of(CorpusDataset.values()), 0.0, 7);
    }

    CorpusManifest export(CorpusSelection selection, Path directory) throws IOException {
        try (CorpusRun run = new CorpusRun(selection.validated(), directory, CorpusExporter.mapper())) {
            for (LoggedEvent event : events) {
                run.accept(event.sequence(), event.time(), event.payload().getClass(), event::payload);
            }
            return run.finish(events.size() - 1);
        }
    }
}
