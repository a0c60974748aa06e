package io.storyteller.projections.search;

import io.storyteller.projections.schema.SearchFailures;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.VectorFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;

/**
 * Reads and writes search documents many at a time: one {@code _mget} (real-time, so it sees every
 * acknowledged write without a refresh) and one {@code _bulk} under external versioning. A
 * document's version is the aggregate sequence number of the last event applied to it, so a write
 * delivered again, or late, never overwrites a newer state: OpenSearch answers 409 for that item
 * and it is skipped, as is the deletion of a document already gone.
 */
final class SearchDocuments {

    private final OpenSearchClient client;

    SearchDocuments(OpenSearchClient client) {
        this.client = client;
    }

    OpenSearchClient client() {
        return client;
    }

    /** The stored documents among {@code keys} with their versions; a key not stored is absent. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<DocumentKey, Stored> fetch(Collection<DocumentKey> keys) {
        Map<DocumentKey, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<DocumentKey> asked = List.copyOf(keys);
        try {
            MgetResponse<Map> response = client.mget(m -> {
                asked.forEach(key -> m.docs(d -> d.index(key.index().indexName()).id(key.id())));
                return m;
            }, Map.class);
            for (int i = 0; i < asked.size(); i++) {
                MultiGetResponseItem<Map> item = response.docs().get(i);
                if (item.isFailure()) {
                    throw new IllegalStateException("OpenSearch could not read " + asked.get(i) + ": " + item.failure().error().reason());
                }
                if (item.result().found()) {
                    Long version = item.result().version();
                    found.put(asked.get(i), new Stored((Map<String, Object>) item.result().source(), version == null ? 0 : version));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while reading " + asked.size() + " documents", e);
        }
    }

    /**
     * Writes {@code writes} in one bulk request, in order. An item refused for a vector field the
     * index lacks (another node recreated it without one this process had added) is written again
     * once the field is back; any other refusal but a stale version fails the whole call.
     */
    void write(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<Write> unmapped = new ArrayList<>();
        for (Refused refused : bulk(writes)) {
            if ("strict_dynamic_mapping_exception".equals(refused.cause().type())) {
                unmapped.add(refused.write());
            } else {
                throw refused.failure();
            }
        }
        if (unmapped.isEmpty()) {
            return;
        }
        for (Write write : unmapped) {
            VectorFields.forget(write.key().index());
            write.source().keySet().stream().filter(VectorFields::isVectorField).toList().forEach(field ->
                    VectorFields.ensure(client, write.key().index(), VectorFields.dimensions(write.source().get(field))));
        }
        bulk(unmapped).stream().findFirst().ifPresent(refused -> {
            throw refused.failure();
        });
    }

    private List<Refused> bulk(List<Write> writes) {
        List<BulkOperation> operations = writes.stream().map(SearchDocuments::operation).toList();
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations));
        } catch (OpenSearchException | IOException e) {
            throw e instanceof IOException io && SearchFailures.status(io).isEmpty()
                    ? new UncheckedIOException("OpenSearch unreachable while writing " + writes.size() + " documents", io)
                    : new IllegalStateException("OpenSearch refused a bulk write of " + writes.size() + " documents: "
                    + e.getMessage(), e);
        }
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() != null && item.status() != 409 && item.status() != 404) {
                refused.add(new Refused(writes.get(i), item.error()));
            }
        }
        return refused;
    }

    private static BulkOperation operation(Write write) {
        String index = write.key().index().indexName();
        if (write.source() == null) {
            return BulkOperation.of(o -> o.delete(d -> d.index(index).id(write.key().id())
                    .versionType(VersionType.External).version(write.version())));
        }
        return BulkOperation.of(o -> o.index(i -> i.index(index).id(write.key().id())
                .versionType(VersionType.External).version(write.version()).document(write.source())));
    }

    /** A stored document and the version it was written at. */
    record Stored(Map<String, Object> source, long version) {
    }

    /** A document to store as of event {@code version}; a null source deletes it. */
    record Write(DocumentKey key, long version, Map<String, Object> source) {
    }

    private record Refused(Write write, ErrorCause cause) {

        IllegalStateException failure() {
            return new IllegalStateException("OpenSearch refused to write " + write.key() + " at version " + write.version()
                    + ": " + cause.type() + ": " + cause.reason());
        }
    }
}
