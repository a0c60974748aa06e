package io.storyteller.projections.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * One versioned OpenSearch index and its mapping ({@code search/<name>.json} on the classpath). A
 * changed mapping gets a new version in its name, so an index is never migrated in place: the new
 * one is built by replay next to the old.
 */
public enum SearchIndex {

    /** v2: the vector of each document in the k-NN field of its size, and the embedder that made it. */
    LORE("storyteller-lore-v2"),
    BEATS("storyteller-beats-v2"),
    /** Per story, how many beats it has: gives each indexed beat its position. */
    STORY_CURSORS("storyteller-story-cursors-v1");

    private final String indexName;

    SearchIndex(String indexName) {
        this.indexName = indexName;
    }

    public String indexName() {
        return indexName;
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

    private void create(OpenSearchClient client) throws IOException {
        try (InputStream mapping = SearchIndex.class.getResourceAsStream("/search/" + indexName + ".json")) {
            if (mapping == null) {
                throw new IllegalStateException("mapping search/" + indexName + ".json is missing");
            }
            JsonNode body = new ObjectMapper().readTree(mapping);
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
