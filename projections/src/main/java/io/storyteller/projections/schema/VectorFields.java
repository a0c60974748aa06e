package io.storyteller.projections.schema;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.mapping.Property;

/**
 * The k-NN fields of a search index: one per vector size, {@code embedding_<dimensions>}, since a
 * {@code knn_vector} field has one fixed dimension and each world may embed with another model.
 * The bundled model's {@code embedding_384} is in the index's mapping; a field of another size is
 * added to the mapping the first time a vector of that size is written or searched (adding a
 * field is allowed in place, and asking again for one that exists changes nothing). Which fields
 * this process has made sure of is kept, so that the hot path asks once.
 */
public final class VectorFields {

    private static final String PREFIX = "embedding_";
    private static final Set<String> ENSURED = ConcurrentHashMap.newKeySet();

    private VectorFields() {
    }

    /** The name of the k-NN field holding vectors of this many dimensions. */
    public static String name(int dimensions) {
        return PREFIX + dimensions;
    }

    /** Whether a document's field is one of its k-NN fields. */
    public static boolean isVectorField(String field) {
        return field.startsWith(PREFIX);
    }

    /** The size of a vector as written ({@code float[]}) or as read back from a stored document (a list). */
    public static int dimensions(Object vector) {
        return vector instanceof float[] floats ? floats.length : ((java.util.List<?>) vector).size();
    }

    /**
     * The k-NN field for vectors of this many dimensions in the index, added to its mapping when new.
     *
     * @throws UncheckedIOException when OpenSearch cannot be reached; an {@link OpenSearchException} when it refuses
     */
    public static String ensure(OpenSearchClient client, SearchIndex index, int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("a vector has at least one dimension, not " + dimensions);
        }
        String field = name(dimensions);
        String key = index.indexName() + "/" + field;
        if (ENSURED.contains(key)) {
            return field;
        }
        try {
            JsonpMapper jsonp = client._transport().jsonpMapper();
            Property property = Property._DESERIALIZER.deserialize(
                    jsonp.jsonProvider().createParser(new StringReader(index.vectorProperty(dimensions))), jsonp);
            client.indices().putMapping(m -> m.index(index.indexName()).properties(field, property));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable while adding " + field + " to " + index.indexName(), e);
        }
        ENSURED.add(key);
        return field;
    }

    /** Forgets what this process made sure of in the index: it was dropped, or another node dropped it. */
    public static void forget(SearchIndex index) {
        ENSURED.removeIf(key -> key.startsWith(index.indexName() + "/"));
    }
}
