package io.storyteller.projections.search;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code storyteller-beats-v2}: every beat of every story (player actions and narrations, the
 * selected alternative's text, edits applied, erased beats removed) with its embedding, for story
 * memory. A beat's position is its 1-based place in the story, as in the {@code beats} table; a
 * per-story cursor document counts them. Document versions are the story's event sequence numbers,
 * so a replayed or redelivered event changes nothing that a later one wrote.
 * <p>
 * OpenSearch is outside the database transaction: a beat is written before its story's cursor, and a
 * beat found already written only moves the cursor up to it, so an event retried after a failure
 * between the two writes completes them instead of counting twice.
 */
@Component
@ProcessingGroup(BeatIndexProjection.GROUP)
@AllowReplay
public class BeatIndexProjection {

    public static final String GROUP = "beat-index";

    private final OpenSearchClient client;
    private final VersionedDocuments beats;
    private final VersionedDocuments cursors;
    private final TextEmbedder embedder;
    private final boolean newIndex;

    public BeatIndexProjection(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.beats = new VersionedDocuments(client, SearchIndex.BEATS);
        this.cursors = new VersionedDocuments(client, SearchIndex.STORY_CURSORS);
        this.embedder = embedder;
        boolean newBeats = SearchIndex.BEATS.ensure(client);
        this.newIndex = SearchIndex.STORY_CURSORS.ensure(client) || newBeats;
    }

    /** Whether this process created an index of this projection, which then holds nothing the log told before. */
    public boolean startedOnNewIndex() {
        return newIndex;
    }

    @EventHandler
    void on(PlayerActionSubmitted event, @SequenceNumber long seq) {
        append(event.storyId(), event.worldId(), event.actionBeatId(), BeatKind.PLAYER_ACTION, event.text(), seq);
    }

    @EventHandler
    void on(NarrationRecorded event, @SequenceNumber long seq) {
        if (event.alternativeIndex() == 0) {
            append(event.storyId(), event.worldId(), event.narrationBeatId(), BeatKind.NARRATION, event.text(), seq);
            return;
        }
        change(event.narrationBeatId(), seq, beat -> {
            List<String> alternatives = alternatives(beat);
            while (alternatives.size() <= event.alternativeIndex()) {
                alternatives.add(null);
            }
            alternatives.set(event.alternativeIndex(), event.text());
            beat.put("alternatives", alternatives);
            beat.put("selected", event.alternativeIndex());
            return event.text();
        });
    }

    @EventHandler
    void on(NarrationAlternativeSelected event, @SequenceNumber long seq) {
        change(event.beatId(), seq, beat -> {
            List<String> alternatives = alternatives(beat);
            if (event.alternativeIndex() >= alternatives.size() || alternatives.get(event.alternativeIndex()) == null) {
                return null;
            }
            beat.put("selected", event.alternativeIndex());
            return alternatives.get(event.alternativeIndex());
        });
    }

    @EventHandler
    void on(BeatEdited event, @SequenceNumber long seq) {
        change(event.beatId(), seq, beat -> {
            List<String> alternatives = alternatives(beat);
            int selected = ((Number) beat.getOrDefault("selected", 0)).intValue();
            if (selected < alternatives.size()) {
                alternatives.set(selected, event.editedText());
            }
            beat.put("alternatives", alternatives);
            return event.editedText();
        });
    }

    @EventHandler
    void on(BeatsErased event, @SequenceNumber long seq) {
        int erased = 0;
        for (String beatId : event.beatIds()) {
            if (beats.get(beatId).filter(stored -> stored.version() < seq).isPresent()) {
                erased++;
            }
            beats.delete(beatId, seq);
        }
        int remaining = Math.max(0, cursor(event.storyId()) - erased);
        cursors.put(event.storyId(), seq, Map.of("beats", remaining));
    }

    /** Before a replay: drops the beat index and the cursors, to be rebuilt from the first event. */
    @ResetHandler
    public void reset() {
        SearchIndex.BEATS.recreate(client);
        SearchIndex.STORY_CURSORS.recreate(client);
    }

    private void append(String storyId, String worldId, String beatId, BeatKind kind, String text, long seq) {
        var existing = beats.get(beatId);
        int position = existing.map(stored -> ((Number) stored.source().get("position")).intValue())
                .orElseGet(() -> cursor(storyId) + 1);
        if (existing.isEmpty()) {
            TextEmbedder.Embedded embedded = embedder.embedOne(worldId, text);
            Map<String, Object> beat = new HashMap<>();
            beat.put("storyId", storyId);
            beat.put("worldId", worldId);
            beat.put("beatId", beatId);
            beat.put("kind", kind.name());
            beat.put("position", position);
            beat.put("text", text);
            beat.put("alternatives", new ArrayList<>(java.util.Collections.singletonList(text)));
            beat.put("selected", 0);
            beats.put(beatId, seq, beats.withVector(beat, embedded));
        }
        if (cursor(storyId) < position) {
            cursors.put(storyId, seq, Map.of("beats", position));
        }
    }

    /** Applies a change to a stored beat; {@code change} returns the beat's new text, or null for no change. */
    private void change(String beatId, long seq, java.util.function.Function<Map<String, Object>, String> change) {
        beats.get(beatId).filter(stored -> stored.version() < seq).ifPresent(stored -> {
            Map<String, Object> beat = new HashMap<>(stored.source());
            String text = change.apply(beat);
            if (text == null) {
                return;
            }
            TextEmbedder.Embedded embedded = embedder.embedOne((String) beat.get("worldId"), text);
            beat.put("text", text);
            beats.put(beatId, seq, beats.withVector(beat, embedded));
        });
    }

    private int cursor(String storyId) {
        return cursors.get(storyId).map(stored -> ((Number) stored.source().get("beats")).intValue()).orElse(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> alternatives(Map<String, Object> beat) {
        Object stored = beat.get("alternatives");
        return stored instanceof List<?> list ? new ArrayList<>((List<String>) list) : new ArrayList<>();
    }
}
