package io.storyteller.projections.search;

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
        try {
            client.index(i -> i.index(index.indexName()).id(id)
                    .versionType(VersionType.External).version(version).document(document));
            return true;
        } catch (OpenSearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while indexing " + index.indexName(), e);
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
        } catch (OpenSearchException e) {
            if (e.status() != 409 && e.status() != 404) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while deleting from " + index.indexName(), e);
        }
    }

    record Stored(Map<String, Object> source, long version) {
    }
}
