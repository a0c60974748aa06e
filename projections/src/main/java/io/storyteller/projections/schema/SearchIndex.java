package io.storyteller.projections.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * One versioned OpenSearch index and its mapping ({@code search/<name>.json} on the classpath). A
 * changed mapping gets a new version in its name, so an index is never migrated in place: the new
 * one is built by replay next to the old.
 */
public enum SearchIndex {

    /** v2: the vector of each document in the k-NN field of its size, and the embedder that made it. */
    LORE("storyteller-lore-v2"),
    /**
     * v3: a graph built with a quarter of lore's candidate list ({@code ef_construction} 32). Every
     * search of beats is one story's; where that story is a small part of the index, Lucene scores
     * its beats exactly rather than walk the graph, so a finer graph costs every write and helps few searches.
     */
    BEATS("storyteller-beats-v3"),
    /** Per story, how many beats it has: gives each indexed beat its position. */
    STORY_CURSORS("storyteller-story-cursors-v1");

    private static final String REPLAY_REFRESH = "30s";
    private static final String DEFAULT_REFRESH = "1s";

    /** The k-NN field every mapping with vectors holds: the bundled embedder's size. */
    private static final String MAPPED_VECTOR_FIELD = "embedding_384";

    private final String indexName;

    SearchIndex(String indexName) {
        this.indexName = indexName;
    }

    public String indexName() {
        return indexName;
    }

    /**
     * The definition of a k-NN field of {@code dimensions} in this index: its mapping's own vector
     * field (graph and its parameters) with the other size, so that a field added later is built as
     * the mapped one is.
     */
    String vectorProperty(int dimensions) {
        try {
            JsonNode mapped = mapping().path("mappings").path("properties").path(MAPPED_VECTOR_FIELD);
            if (!(mapped instanceof ObjectNode field)) {
                throw new IllegalStateException(indexName + " maps no vector field " + MAPPED_VECTOR_FIELD);
            }
            return field.deepCopy().put("dimension", dimensions).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mapping of " + indexName, e);
        }
    }

    /**
     * Creates the index when it does not exist yet.
     *
     * @return true when it did not: its projection must replay the log into it (a new mapping version
     *         on a data directory that had the old one, or a new installation)
     */
    public boolean ensure(OpenSearchClient client) {
        try {
            if (!client.indices().exists(e -> e.index(indexName)).value()) {
                create(client);
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while checking index " + indexName, e);
        }
    }

    /** Drops the index (if present) and creates it empty: the start of a rebuild. */
    public void recreate(OpenSearchClient client) {
        VectorFields.forget(this);
        try {
            if (client.indices().exists(e -> e.index(indexName)).value()) {
                client.indices().delete(d -> d.index(indexName));
            }
            create(client);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while recreating index " + indexName, e);
        }
    }

    /**
     * While a replay from the start writes the index, makes what it writes searchable only every
     * {@value #REPLAY_REFRESH}: each refresh cuts a segment and builds its HNSW graph, which merges
     * then build again. Bounded rather than off, so that a replay whose end nobody reports is late
     * to be found, never lost to search.
     */
    public void refreshForReplay(OpenSearchClient client) {
        refreshEvery(client, REPLAY_REFRESH);
    }

    /** After a replay: the mapping's refresh interval again, and everything written so far searchable now. */
    public void refreshAsMapped(OpenSearchClient client) {
        try {
            JsonNode interval = mapping().path("settings").path("index").path("refresh_interval");
            refreshEvery(client, interval.isMissingNode() ? DEFAULT_REFRESH : interval.asText());
            client.indices().refresh(r -> r.index(indexName));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while restoring the refresh of " + indexName, e);
        }
    }

    /**
     * Starts merging the index into one segment, not waiting for it: one HNSW graph to search instead of
     * one per segment. For an index whose content has settled (a rebuild caught up); while it runs
     * the index answers as before.
     */
    public void mergeSettled(OpenSearchClient client) {
        // the typed client cannot read the task id that a merge not waited for answers with
        try (Response response = client.generic().execute(Requests.builder().method("POST").endpoint("/" + indexName + "/_forcemerge")
                .query(Map.of("max_num_segments", "1", "wait_for_completion", "false")).build())) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("OpenSearch refused to merge " + indexName + ": " + response.getStatus() + " "
                        + response.getReason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while merging " + indexName, e);
        }
    }

    private void refreshEvery(OpenSearchClient client, String interval) {
        try {
            client.indices().putSettings(s -> s.index(indexName).settings(i -> i.refreshInterval(t -> t.time(interval))));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while setting the refresh of " + indexName, e);
        }
    }

    private JsonNode mapping() throws IOException {
        try (InputStream mapping = SearchIndex.class.getResourceAsStream("/search/" + indexName + ".json")) {
            if (mapping == null) {
                throw new IllegalStateException("mapping search/" + indexName + ".json is missing");
            }
            return new ObjectMapper().readTree(mapping);
        }
    }

    private void create(OpenSearchClient client) throws IOException {
        try {
            JsonNode body = mapping();
            JsonpMapper jsonp = client._transport().jsonpMapper();
            IndexSettings settings = IndexSettings._DESERIALIZER.deserialize(
                    jsonp.jsonProvider().createParser(new StringReader(body.get("settings").toString())), jsonp);
            TypeMapping mappings = TypeMapping._DESERIALIZER.deserialize(
                    jsonp.jsonProvider().createParser(new StringReader(body.get("mappings").toString())), jsonp);
            client.indices().create(c -> c.index(indexName).settings(settings).mappings(mappings));
        } catch (OpenSearchException | IOException e) {
            // another node of the application created it at the same moment
            if (!SearchFailures.ofType(e, "resource_already_exists_exception")) {
                throw e;
            }
        }
    }
}
