package io.storyteller.projections.search;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.projections.schema.BatchedReplay;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code storyteller-beats-v3}: every beat of every story (player actions and narrations, the
 * selected alternative's text, edits applied, erased beats removed) with its embedding, for story
 * memory. A beat's position is its 1-based place in the story, as in the {@code beats} table; a
 * per-story cursor document counts them. Document versions are the story's event sequence numbers,
 * so a replayed or redelivered event changes nothing that a later one wrote.
 * <p>
 * A processor's batch is indexed as one ({@link IndexingBatches}): the beats and cursors it touches
 * are read once, its new texts embedded in one call per world, and its changes written in bulk.
 * OpenSearch is outside the database transaction: beats are written before their stories' cursors,
 * and a beat found already written only moves the cursor up to it, so a batch retried after a
 * failure between the two writes completes them instead of counting twice.
 */
@Component
@ProcessingGroup(BeatIndexProjection.GROUP)
@AllowReplay
public class BeatIndexProjection implements BatchedReplay {

    public static final String GROUP = "beat-index";

    private final OpenSearchClient client;
    private final SearchDocuments documents;
    private final TextEmbedder embedder;
    private final IndexingBatches batches;
    private final ReplayedDocuments replayed = new ReplayedDocuments();
    private final boolean newIndex;

    public BeatIndexProjection(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.documents = new SearchDocuments(client);
        this.embedder = embedder;
        this.batches = new IndexingBatches(GROUP, this::index);
        boolean newBeats = SearchIndex.BEATS.ensure(client);
        this.newIndex = SearchIndex.STORY_CURSORS.ensure(client) || newBeats;
        if (!newIndex) {
            // a replay cut short by a stop left its seldom refresh behind
            SearchIndex.BEATS.refreshAsMapped(client);
        }
    }

    /** Whether this process created an index of this projection, which then holds nothing the log told before. */
    public boolean startedOnNewIndex() {
        return newIndex;
    }

    @Override
    public boolean collects(EventMessage<?> event) {
        return batches.collects(event);
    }

    @Override
    public void discard(EventMessage<?> event) {
        batches.discard(event);
    }

    @EventHandler
    void on(PlayerActionSubmitted event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    @EventHandler
    void on(NarrationRecorded event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    @EventHandler
    void on(NarrationAlternativeSelected event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    @EventHandler
    void on(BeatEdited event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    @EventHandler
    void on(BeatsErased event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    /**
     * Before a replay: drops the beat index and the cursors, to be rebuilt from the first event. Until
     * the replay has caught up, what it writes is remembered ({@link ReplayedDocuments}), not read back.
     */
    @ResetHandler
    public void reset() {
        replayed.stop();
        SearchIndex.BEATS.recreate(client);
        SearchIndex.STORY_CURSORS.recreate(client);
        SearchIndex.BEATS.refreshForReplay(client);
        replayed.start();
    }

    /**
     * The replay has caught up with the log (its processor says so, or a live event came): documents
     * are read from the index again, and what is written is searchable within the mapping's interval.
     */
    public void replayCaughtUp() {
        if (replayed.stop()) {
            SearchIndex.BEATS.refreshAsMapped(client);
        }
    }

    private void handle(long seq, Object event, ReplayStatus status) {
        if (!status.isReplay()) {
            replayCaughtUp();
        }
        batches.handle(seq, event);
    }

    /** Indexes events in order: one read of what they touch, one embedding per world, one bulk write per index. */
    private void index(List<IndexedEvent> events) {
        DocumentView view = new DocumentView(documents, embedder, replayed);
        view.fetch(touched(events));
        for (IndexedEvent indexed : events) {
            apply(view, indexed.payload(), indexed.sequence());
        }
        view.write(SearchIndex.BEATS, SearchIndex.STORY_CURSORS);
    }

    private static Set<DocumentKey> touched(List<IndexedEvent> events) {
        Set<DocumentKey> keys = new LinkedHashSet<>();
        for (IndexedEvent indexed : events) {
            switch (indexed.payload()) {
                case PlayerActionSubmitted e -> {
                    keys.add(beat(e.actionBeatId()));
                    keys.add(cursor(e.storyId()));
                }
                case NarrationRecorded e -> {
                    keys.add(beat(e.narrationBeatId()));
                    keys.add(cursor(e.storyId()));
                }
                case NarrationAlternativeSelected e -> keys.add(beat(e.beatId()));
                case BeatEdited e -> keys.add(beat(e.beatId()));
                case BeatsErased e -> {
                    e.beatIds().forEach(id -> keys.add(beat(id)));
                    keys.add(cursor(e.storyId()));
                }
                default -> throw new IllegalArgumentException("the beat index has no use for " + indexed.payload());
            }
        }
        return keys;
    }

    private void apply(DocumentView view, Object payload, long seq) {
        switch (payload) {
            case PlayerActionSubmitted e ->
                    append(view, e.storyId(), e.worldId(), e.actionBeatId(), BeatKind.PLAYER_ACTION, e.text(), seq);
            case NarrationRecorded e when e.alternativeIndex() == 0 ->
                    append(view, e.storyId(), e.worldId(), e.narrationBeatId(), BeatKind.NARRATION, e.text(), seq);
            case NarrationRecorded e -> change(view, e.narrationBeatId(), seq, beat -> {
                List<String> alternatives = alternatives(beat);
                while (alternatives.size() <= e.alternativeIndex()) {
                    alternatives.add(null);
                }
                alternatives.set(e.alternativeIndex(), e.text());
                beat.put("alternatives", alternatives);
                beat.put("selected", e.alternativeIndex());
                return e.text();
            });
            case NarrationAlternativeSelected e -> change(view, e.beatId(), seq, beat -> {
                List<String> alternatives = alternatives(beat);
                if (e.alternativeIndex() >= alternatives.size() || alternatives.get(e.alternativeIndex()) == null) {
                    return null;
                }
                beat.put("selected", e.alternativeIndex());
                return alternatives.get(e.alternativeIndex());
            });
            case BeatEdited e -> change(view, e.beatId(), seq, beat -> {
                List<String> alternatives = alternatives(beat);
                int selected = ((Number) beat.getOrDefault("selected", 0)).intValue();
                if (selected < alternatives.size()) {
                    alternatives.set(selected, e.editedText());
                }
                beat.put("alternatives", alternatives);
                return e.editedText();
            });
            case BeatsErased e -> erase(view, e, seq);
            default -> throw new IllegalArgumentException("the beat index has no use for " + payload);
        }
    }

    private void append(DocumentView view, String storyId, String worldId, String beatId, BeatKind kind, String text, long seq) {
        var existing = view.get(beat(beatId));
        int position = existing.map(stored -> ((Number) stored.source().get("position")).intValue())
                .orElseGet(() -> beatsCounted(view, storyId) + 1);
        if (existing.isEmpty()) {
            Map<String, Object> beat = new HashMap<>();
            beat.put("storyId", storyId);
            beat.put("worldId", worldId);
            beat.put("beatId", beatId);
            beat.put("kind", kind.name());
            beat.put("position", position);
            beat.put("text", text);
            beat.put("alternatives", new ArrayList<>(Collections.singletonList(text)));
            beat.put("selected", 0);
            view.put(beat(beatId), seq, beat, new DocumentView.ToEmbed(worldId, text));
        }
        if (beatsCounted(view, storyId) < position) {
            view.put(cursor(storyId), seq, Map.of("beats", position), null);
        }
    }

    /** Applies a change to a stored beat; {@code change} returns the beat's new text, or null for no change. */
    private void change(DocumentView view, String beatId, long seq, Function<Map<String, Object>, String> change) {
        view.get(beat(beatId)).filter(stored -> stored.version() < seq).ifPresent(stored -> {
            Map<String, Object> beat = new HashMap<>(stored.source());
            String text = change.apply(beat);
            if (text == null) {
                return;
            }
            beat.put("text", text);
            view.put(beat(beatId), seq, beat, new DocumentView.ToEmbed((String) beat.get("worldId"), text));
        });
    }

    private void erase(DocumentView view, BeatsErased event, long seq) {
        int erased = 0;
        for (String beatId : event.beatIds()) {
            if (view.get(beat(beatId)).filter(stored -> stored.version() < seq).isPresent()) {
                erased++;
            }
            view.delete(beat(beatId), seq);
        }
        int remaining = Math.max(0, beatsCounted(view, event.storyId()) - erased);
        view.put(cursor(event.storyId()), seq, Map.of("beats", remaining), null);
    }

    private static int beatsCounted(DocumentView view, String storyId) {
        return view.get(cursor(storyId)).map(stored -> ((Number) stored.source().get("beats")).intValue()).orElse(0);
    }

    private static DocumentKey beat(String beatId) {
        return new DocumentKey(SearchIndex.BEATS, beatId);
    }

    private static DocumentKey cursor(String storyId) {
        return new DocumentKey(SearchIndex.STORY_CURSORS, storyId);
    }

    @SuppressWarnings("unchecked")
    private static List<String> alternatives(Map<String, Object> beat) {
        Object stored = beat.get("alternatives");
        return stored instanceof List<?> list ? new ArrayList<>((List<String>) list) : new ArrayList<>();
    }
}
