package io.storyteller.projections.search;

import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.schema.VectorFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A batch of events' view of the search documents they touch: read once ({@link #fetch}), changed
 * in memory event after event under the rules OpenSearch applies to externally versioned writes (a
 * write older than the state it meets is dropped; a deletion leaves its version behind), then
 * written once ({@link #write}). A document whose text changed is embedded then, with every other
 * new text of the batch, so a text replaced within the batch is never embedded at all.
 */
final class DocumentView {

    /** A text to embed for a document, with the world whose embedder must embed it. */
    record ToEmbed(String worldId, String text) {
    }

    private static final class Entry {
        Map<String, Object> source;
        /** The version of the state held (a deletion's, too); -1: none known. */
        long version;
        ToEmbed toEmbed;
        boolean changed;
    }

    private final SearchDocuments documents;
    private final TextEmbedder embedder;
    private final ReplayedDocuments replayed;
    private final Map<DocumentKey, Entry> entries = new LinkedHashMap<>();

    DocumentView(SearchDocuments documents, TextEmbedder embedder) {
        this(documents, embedder, new ReplayedDocuments());
    }

    /** A view that takes what a replay from the start has written from {@code replayed} instead of reading it. */
    DocumentView(SearchDocuments documents, TextEmbedder embedder, ReplayedDocuments replayed) {
        this.documents = documents;
        this.embedder = embedder;
        this.replayed = replayed;
    }

    /** Reads the documents of {@code keys} not read yet (and not known from the replay), in one request. */
    void fetch(Collection<DocumentKey> keys) {
        Map<DocumentKey, SearchDocuments.Stored> known = new HashMap<>();
        List<DocumentKey> unread = new ArrayList<>();
        for (DocumentKey key : new LinkedHashSet<>(keys)) {
            if (!entries.containsKey(key)) {
                replayed.known(key).ifPresentOrElse(stored -> known.put(key, stored), () -> unread.add(key));
            }
        }
        known.putAll(documents.fetch(unread));
        known.forEach((key, found) -> {
            Entry entry = new Entry();
            entry.source = found.source();
            entry.version = found.version();
            entries.put(key, entry);
        });
        for (DocumentKey key : unread) {
            entries.computeIfAbsent(key, absent -> {
                Entry entry = new Entry();
                entry.version = -1;
                return entry;
            });
        }
    }

    /** The document as the batch has it so far (treat its source as read-only). */
    Optional<SearchDocuments.Stored> get(DocumentKey key) {
        Entry entry = entry(key);
        return entry.source == null ? Optional.empty() : Optional.of(new SearchDocuments.Stored(entry.source, entry.version));
    }

    /**
     * Stores {@code source} as of event {@code version}, its vector made from {@code toEmbed} when
     * written (null: the document keeps the vector it has, or is about to get); false when the
     * document already holds that version or a newer one.
     */
    boolean put(DocumentKey key, long version, Map<String, Object> source, ToEmbed toEmbed) {
        Entry entry = entry(key);
        if (entry.version >= version) {
            return false;
        }
        entry.toEmbed = toEmbed != null ? toEmbed : entry.source == null ? null : entry.toEmbed;
        entry.source = source;
        entry.version = version;
        entry.changed = true;
        return true;
    }

    /** Deletes the document as of event {@code version}, unless it holds that version or a newer one. */
    void delete(DocumentKey key, long version) {
        Entry entry = entry(key);
        if (entry.version >= version) {
            return;
        }
        entry.source = null;
        entry.toEmbed = null;
        entry.version = version;
        entry.changed = true;
    }

    /**
     * Embeds the changed documents' new texts (one call per world) and writes every change, index
     * by index in the order given: a story's beats before its cursor, so that a retry after a failure
     * between the two finds the beats and only moves the cursor up to them.
     */
    void write(SearchIndex... order) {
        Map<ToEmbed, TextEmbedder.Embedded> vectors = embed();
        for (SearchIndex index : order) {
            List<SearchDocuments.Write> writes = new ArrayList<>();
            entries.forEach((key, entry) -> {
                if (entry.changed && key.index() == index) {
                    if (entry.toEmbed != null) {
                        entry.source = withVector(index, entry.source, vectors.get(entry.toEmbed));
                        entry.toEmbed = null;
                    }
                    writes.add(new SearchDocuments.Write(key, entry.version, entry.source));
                }
            });
            documents.write(writes);
            writes.forEach(write -> replayed.written(write.key(), write.version(), write.source()));
            entries.forEach((key, entry) -> {
                if (key.index() == index) {
                    entry.changed = false;
                }
            });
        }
    }

    /** Forgets what was read: documents changed behind the view (a delete-by-query) are read again. */
    void forgetRead() {
        entries.values().removeIf(entry -> !entry.changed);
    }

    private Map<ToEmbed, TextEmbedder.Embedded> embed() {
        Map<String, Set<String>> byWorld = entries.values().stream()
                .filter(entry -> entry.changed && entry.toEmbed != null)
                .map(entry -> entry.toEmbed)
                .collect(Collectors.groupingBy(ToEmbed::worldId, LinkedHashMap::new,
                        Collectors.mapping(ToEmbed::text, Collectors.toCollection(LinkedHashSet::new))));
        Map<ToEmbed, TextEmbedder.Embedded> vectors = new HashMap<>();
        byWorld.forEach((worldId, texts) -> embedder.embedAll(worldId, texts)
                .forEach((text, embedded) -> vectors.put(new ToEmbed(worldId, text), embedded)));
        return vectors;
    }

    /**
     * The document with its vector in the k-NN field of its size (added to the mapping if new; a
     * vector of another size it held before is dropped) and the embedder that made it.
     */
    private Map<String, Object> withVector(SearchIndex index, Map<String, Object> source, TextEmbedder.Embedded embedded) {
        Map<String, Object> document = new HashMap<>(source);
        document.keySet().removeIf(VectorFields::isVectorField);
        document.put("embedder", embedded.embedder());
        document.put(VectorFields.ensure(documents.client(), index, embedded.vector().length), embedded.vector());
        return document;
    }

    private Entry entry(DocumentKey key) {
        if (!entries.containsKey(key)) {
            fetch(List.of(key));
        }
        return entries.get(key);
    }
}
