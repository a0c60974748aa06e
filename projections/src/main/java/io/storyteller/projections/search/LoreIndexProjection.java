package io.storyteller.projections.search;

import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code storyteller-lore-v2}: one document per lore entry (its id), with its text for BM25 and
 * its embedding for k-NN. Each document's version is the world's sequence number of the last event
 * applied, so replays and redeliveries are harmless. Retired entries stay, flagged; an archived
 * world's entries are removed.
 */
@Component
@ProcessingGroup(LoreIndexProjection.GROUP)
@AllowReplay
public class LoreIndexProjection {

    public static final String GROUP = "lore-index";

    private final OpenSearchClient client;
    private final VersionedDocuments documents;
    private final TextEmbedder embedder;
    private final boolean newIndex;

    public LoreIndexProjection(OpenSearchClient client, TextEmbedder embedder) {
        this.client = client;
        this.documents = new VersionedDocuments(client, SearchIndex.LORE);
        this.embedder = embedder;
        this.newIndex = SearchIndex.LORE.ensure(client);
    }

    /** Whether this process created the index, which then holds nothing the log told before. */
    public boolean startedOnNewIndex() {
        return newIndex;
    }

    @EventHandler
    void on(LoreEntryAdded event, @SequenceNumber long seq) {
        documents.put(event.loreEntryId(), seq, document(event.worldId(), event.loreEntryId(), event.content()));
    }

    @EventHandler
    void on(LoreEntryRevised event, @SequenceNumber long seq) {
        documents.put(event.loreEntryId(), seq, document(event.worldId(), event.loreEntryId(), event.content()));
    }

    @EventHandler
    void on(LoreEntryRetired event, @SequenceNumber long seq) {
        documents.get(event.loreEntryId()).filter(stored -> stored.version() < seq).ifPresent(stored -> {
            Map<String, Object> retired = new HashMap<>(stored.source());
            retired.put("retired", true);
            documents.put(event.loreEntryId(), seq, retired);
        });
    }

    @EventHandler
    void on(WorldArchived event) {
        String index = SearchIndex.LORE.indexName();
        try {
            // delete-by-query finds only what a refresh has made searchable: entries indexed a moment
            // ago (in a replay, the same batch) would otherwise survive their world's archiving
            client.indices().refresh(r -> r.index(index));
            client.deleteByQuery(d -> d.index(index).conflicts(Conflicts.Proceed).refresh(Refresh.True)
                    .query(q -> q.term(t -> t.field("worldId").value(FieldValue.of(event.worldId())))));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while removing an archived world's lore", e);
        }
    }

    /** Before a replay: drops the index and creates it empty, to be rebuilt from the first event. */
    @ResetHandler
    public void reset() {
        SearchIndex.LORE.recreate(client);
    }

    private Map<String, Object> document(String worldId, String loreEntryId, LoreContent content) {
        String category = content.category() == null || content.category().isBlank() ? "general" : content.category();
        TextEmbedder.Embedded embedded = embedder.embedOne(worldId, content.title() + ". " + content.content());
        Map<String, Object> document = new HashMap<>();
        document.put("worldId", worldId);
        document.put("loreEntryId", loreEntryId);
        document.put("title", content.title());
        document.put("content", content.content());
        document.put("triggerKeys", content.triggerKeys());
        document.put("category", category);
        document.put("retired", false);
        return documents.withVector(document, embedded);
    }
}
