package io.storyteller.projections.search;

import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.projections.schema.BatchedReplay;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code storyteller-lore-v2}: one document per lore entry (its id), with its text for BM25 and
 * its embedding for k-NN. Each document's version is the world's sequence number of the last event
 * applied, so replays and redeliveries are harmless. Retired entries stay, flagged; an archived
 * world's entries are removed. A processor's batch is indexed as one ({@link IndexingBatches}): one
 * read of its entries, one embedding call per world, one bulk write.
 */
@Component
@ProcessingGroup(LoreIndexProjection.GROUP)
@AllowReplay
public class LoreIndexProjection implements BatchedReplay {

    public static final String GROUP = "lore-index";
    private static final Logger log = LoggerFactory.getLogger(LoreIndexProjection.class);

    private final OpenSearchClient client;
    private final SearchDocuments documents;
    private final TextEmbedder embedder;
    private final IndexingBatches batches;
    private final AtomicBoolean replaying = new AtomicBoolean();
    private final boolean newIndex;

    public LoreIndexProjection(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.documents = new SearchDocuments(client);
        this.embedder = embedder;
        this.batches = new IndexingBatches(GROUP, this::index);
        this.newIndex = SearchIndex.LORE.ensure(client);
        if (!newIndex) {
            // a replay cut short by a stop left its seldom refresh behind
            SearchIndex.LORE.refreshAsMapped(client);
        }
    }

    /** Whether this process created the index, which then holds nothing the log told before. */
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
    void on(LoreEntryAdded event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    @EventHandler
    void on(LoreEntryRevised event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    @EventHandler
    void on(LoreEntryRetired event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    @EventHandler
    void on(WorldArchived event, @SequenceNumber long seq, ReplayStatus status) {
        handle(seq, event, status);
    }

    /** Before a replay: drops the index and creates it empty, to be rebuilt from the first event. */
    @ResetHandler
    public void reset() {
        SearchIndex.LORE.recreate(client);
        SearchIndex.LORE.refreshForReplay(client);
        replaying.set(true);
    }

    /**
     * The replay has caught up with the log (its processor says so, or a live event came): what is
     * written is searchable within the mapping's interval again, and the rebuilt index, settled, is
     * merged into one segment, so that a k-NN search walks one HNSW graph instead of one per segment.
     */
    public void replayCaughtUp() {
        if (!replaying.compareAndSet(true, false)) {
            return;
        }
        try {
            SearchIndex.LORE.refreshAsMapped(client);
        } catch (RuntimeException e) {
            replaying.set(true); // told again by the next event
            throw e;
        }
        try {
            SearchIndex.LORE.mergeSettled(client);
        } catch (RuntimeException e) {
            // only slower searches: never fail the event that told of the catch-up
            log.warn("Could not merge the rebuilt lore index: {}", e.getMessage());
        }
    }

    private void handle(long seq, Object event, ReplayStatus status) {
        if (!status.isReplay()) {
            replayCaughtUp();
        }
        batches.handle(seq, event);
    }

    private void index(List<IndexedEvent> events) {
        DocumentView view = new DocumentView(documents, embedder);
        view.fetch(events.stream().map(indexed -> switch (indexed.payload()) {
            case LoreEntryAdded e -> entry(e.loreEntryId());
            case LoreEntryRevised e -> entry(e.loreEntryId());
            case LoreEntryRetired e -> entry(e.loreEntryId());
            default -> null;
        }).filter(Objects::nonNull).toList());
        for (IndexedEvent indexed : events) {
            long seq = indexed.sequence();
            switch (indexed.payload()) {
                case LoreEntryAdded e -> put(view, e.worldId(), e.loreEntryId(), e.content(), seq);
                case LoreEntryRevised e -> put(view, e.worldId(), e.loreEntryId(), e.content(), seq);
                case LoreEntryRetired e -> view.get(entry(e.loreEntryId())).filter(stored -> stored.version() < seq)
                        .ifPresent(stored -> {
                            Map<String, Object> retired = new HashMap<>(stored.source());
                            retired.put("retired", true);
                            view.put(entry(e.loreEntryId()), seq, retired, null);
                        });
                case WorldArchived e -> {
                    view.write(SearchIndex.LORE); // what the batch wrote before must go with the world
                    removeWorld(e.worldId());
                    view.forgetRead();
                }
                default -> throw new IllegalArgumentException("the lore index has no use for " + indexed.payload());
            }
        }
        view.write(SearchIndex.LORE);
    }

    private void removeWorld(String worldId) {
        String index = SearchIndex.LORE.indexName();
        try {
            // delete-by-query finds only what a refresh has made searchable: entries indexed a moment
            // ago (in a replay, the same batch) would otherwise survive their world's archiving
            client.indices().refresh(r -> r.index(index));
            client.deleteByQuery(d -> d.index(index).conflicts(Conflicts.Proceed).refresh(Refresh.True)
                    .query(q -> q.term(t -> t.field("worldId").value(FieldValue.of(worldId)))));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while removing an archived world's lore", e);
        }
    }

    private static void put(DocumentView view, String worldId, String loreEntryId, LoreContent content, long seq) {
        String category = content.category() == null || content.category().isBlank() ? "general" : content.category();
        Map<String, Object> document = new HashMap<>();
        document.put("worldId", worldId);
        document.put("loreEntryId", loreEntryId);
        document.put("title", content.title());
        document.put("content", content.content());
        document.put("triggerKeys", content.triggerKeys());
        document.put("category", category);
        document.put("retired", false);
        view.put(entry(loreEntryId), seq, document, new DocumentView.ToEmbed(worldId, content.title() + ". " + content.content()));
    }

    private static DocumentKey entry(String loreEntryId) {
        return new DocumentKey(SearchIndex.LORE, loreEntryId);
    }
}
