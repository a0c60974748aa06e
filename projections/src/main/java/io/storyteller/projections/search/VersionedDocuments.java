package io.storyteller.projections.search;

import io.storyteller.projections.schema.SearchFailures;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.schema.VectorFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.GetResponse;

/**
 * Writes documents under external versioning: a document's version is the aggregate sequence number
 * of the last event applied to it, so an event delivered again, or late, never overwrites a newer
 * state (OpenSearch answers 409 and the write is skipped). Reads are real-time gets, which see every
 * acknowledged write without waiting for a refresh.
 */
final class VersionedDocuments {

    private final OpenSearchClient client;
    private final SearchIndex index;

    VersionedDocuments(OpenSearchClient client, SearchIndex index) {
        this.client = client;
        this.index = index;
    }

    /** Stores {@code document} as of event {@code version}; false when the index already holds a newer state. */
    boolean put(String id, long version, Map<String, Object> document) {
        return put(id, version, VersionType.External, document);
    }

    /**
     * The document's vector in the k-NN field of its size (added to the mapping if new; a vector
     * of another size it held before is dropped) and the embedder that made it.
     */
    Map<String, Object> withVector(Map<String, Object> document, TextEmbedder.Embedded embedded) {
        document.keySet().removeIf(VectorFields::isVectorField);
        document.put("embedder", embedded.embedder());
        document.put(VectorFields.ensure(client, index, embedded.vector().length), embedded.vector());
        return document;
    }

    private boolean put(String id, long version, VersionType type, Map<String, Object> document) {
        try {
            try {
                client.index(i -> i.index(index.indexName()).id(id).versionType(type).version(version).document(document));
            } catch (OpenSearchException | IOException e) {
                if (!SearchFailures.ofType(e, "strict_dynamic_mapping_exception")) {
                    throw e;
                }
                // another node recreated the index without a vector field this process had added: add it again
                VectorFields.forget(index);
                document.keySet().stream().filter(VectorFields::isVectorField).toList().forEach(key ->
                        VectorFields.ensure(client, index, VectorFields.dimensions(document.get(key))));
                client.index(i -> i.index(index.indexName()).id(id).versionType(type).version(version).document(document));
            }
            return true;
        } catch (OpenSearchException | IOException e) {
            if (SearchFailures.answered(e, 409)) {
                return false;
            }
            throw failed("indexing into", e);
        }
    }

    /** The stored document and its version. */
    @SuppressWarnings("unchecked")
    Optional<Stored> get(String id) {
        try {
            GetResponse<Map> response = client.get(g -> g.index(index.indexName()).id(id), Map.class);
            return response.found()
                    ? Optional.of(new Stored((Map<String, Object>) response.source(), response.version() == null ? 0 : response.version()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while reading " + index.indexName(), e);
        }
    }

    void delete(String id, long version) {
        try {
            client.delete(d -> d.index(index.indexName()).id(id).versionType(VersionType.External).version(version));
        } catch (OpenSearchException | IOException e) {
            // 409: a newer state is stored; 404: already gone
            if (!SearchFailures.answered(e, 409) && !SearchFailures.answered(e, 404)) {
                throw failed("deleting from", e);
            }
        }
    }

    private RuntimeException failed(String doing, Exception e) {
        return e instanceof IOException io && SearchFailures.status(io).isEmpty()
                ? new UncheckedIOException("OpenSearch unreachable while " + doing + " " + index.indexName(), io)
                : new IllegalStateException("OpenSearch refused " + doing + " " + index.indexName() + ": " + e.getMessage(), e);
    }

    record Stored(Map<String, Object> source, long version) {
    }
}
