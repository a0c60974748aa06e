package io.storyteller.query.retrieval;

import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.schema.VectorFields;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query text's vector for the k-NN half of a search: made by the world's embedder, searched in
 * the k-NN field of its size and only among documents that embedder made, since vectors of
 * different embedders are not comparable. While a world's documents are being re-embedded after
 * its embedder changed, the vector search finds those already done and BM25 finds them all.
 *
 * @param field    the k-NN field of the vector's size, e.g. {@code embedding_384}
 * @param embedder {@code modelId@version} of the embedder that made it
 */
record QueryVector(String field, String embedder, float[] values) {

    private static final Logger log = LoggerFactory.getLogger(QueryVector.class);

    /** The filter keeping the k-NN search to documents of this vector's embedder. */
    Query sameEmbedder() {
        return Query.of(q -> q.term(t -> t.field("embedder").value(FieldValue.of(embedder))));
    }

    /** The text's vector by the world's embedder, or null when it cannot be made: the search is then BM25 alone. */
    static QueryVector of(OpenSearchClient client, TextEmbedder embedder, SearchIndex index, String worldId, String text) {
        return in(client, index, worldId, embedded(embedder, worldId, text));
    }

    /** The text's vector by the world's embedder, or null when it cannot be made. */
    static TextEmbedder.Embedded embedded(TextEmbedder embedder, String worldId, String text) {
        try {
            return embedder.embedOne(worldId, text);
        } catch (RuntimeException e) {
            log.warn("No query vector for world {} ({}): searching by BM25 alone", worldId, e.getMessage());
            return null;
        }
    }

    /** An embedded text as a query of one index, or null (BM25 alone) when it has none or the index cannot take it. */
    static QueryVector in(OpenSearchClient client, SearchIndex index, String worldId, TextEmbedder.Embedded embedded) {
        if (embedded == null) {
            return null;
        }
        try {
            return new QueryVector(VectorFields.ensure(client, index, embedded.vector().length), embedded.embedder(),
                    embedded.vector());
        } catch (RuntimeException e) {
            log.warn("No vector search of {} for world {} ({}): searching by BM25 alone", index.indexName(), worldId,
                    e.getMessage());
            return null;
        }
    }
}
