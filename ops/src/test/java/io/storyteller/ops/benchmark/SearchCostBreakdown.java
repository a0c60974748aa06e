package io.storyteller.ops.benchmark;

import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.schema.VectorFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.SearchRequest;

/**
 * {@code -Dbench.breakdown=true}: what each part of a lore search costs on the loaded index, each
 * variant alone over 600 questions new to the embedder (their vectors made beforehand, so only the
 * last line times the model): BM25 with and without highlights and sources, k-NN with and without
 * its filter. The requests are shaped as {@code HybridSearch} sends them (BM25 as {@code most_fields}),
 * beside the {@code best_fields} shape it sent before.
 */
final class SearchCostBreakdown {

    private SearchCostBreakdown() {
    }

    static void run(OpenSearchClient client, TextEmbedder embedder, String worldId, StringBuilder out) throws Exception {
        Random random = new Random(99);
        List<String> texts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        String model = null;
        for (int i = 0; i < 600; i++) {
            String q = LoreCorpus.question(random) + " probe " + i;
            texts.add(q);
            TextEmbedder.Embedded e = embedder.embedOne(worldId, q);
            vectors.add(e.vector());
            model = e.embedder();
        }
        out.append(String.format(Locale.ROOT, "(a) lore search cost by part, %s (ms):%n", SearchIndex.LORE.indexName()));
        String embedderId = model;
        String index = SearchIndex.LORE.indexName();
        String field = VectorFields.name(384);
        List<Query> filters = List.of(
                Query.of(q -> q.term(t -> t.field("worldId").value(FieldValue.of(worldId)))),
                Query.of(q -> q.term(t -> t.field("retired").value(FieldValue.of(false)))));
        Query same = Query.of(q -> q.term(t -> t.field("embedder").value(FieldValue.of(embedderId))));
        List<String> fields = List.of("title^2", "triggerKeys^2", "content");
        // the same filter with the retired entries excluded rather than the live ones required: few are retired
        Query live = Query.of(q -> q.bool(bo -> bo.filter(filters.getFirst())
                .mustNot(n -> n.term(t -> t.field("retired").value(FieldValue.of(true))))));
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("bm25 + highlight + source",
                bm25(index, texts, fields, filters, TextQueryType.MostFields, true, true)));
        variants.add(new Variant("bm25 + source", bm25(index, texts, fields, filters, TextQueryType.MostFields, true, false)));
        variants.add(new Variant("bm25, no source", bm25(index, texts, fields, filters, TextQueryType.MostFields, false, false)));
        variants.add(new Variant("bm25 best_fields (the shape before most_fields), no source",
                bm25(index, texts, fields, filters, TextQueryType.BestFields, false, false)));
        variants.add(new Variant("bm25, retired excluded instead of live required, no source",
                bm25(index, texts, fields, List.of(live), TextQueryType.MostFields, false, false)));
        variants.add(new Variant("bm25, no filter, no source", bm25(index, texts, fields, null, TextQueryType.MostFields, false, false)));
        variants.add(new Variant("knn + filter + source", knn(index, field, vectors, filters, same, true)));
        variants.add(new Variant("knn + filter, no source", knn(index, field, vectors, filters, same, false)));
        variants.add(new Variant("knn + filter (retired excluded), no source", knn(index, field, vectors, List.of(live), same, false)));
        variants.add(new Variant("knn, no filter, no source", knn(index, field, vectors, null, same, false)));
        variants.add(new Variant("knn, filter outside it (post-filter), no source", i -> SearchRequest.of(b -> b.index(index).size(12)
                .trackTotalHits(t -> t.enabled(false)).source(s -> s.fetch(false))
                .query(q -> q.bool(bo -> bo.filter(filters).filter(same).must(m -> m.knn(k -> k.field(field).vector(list(vectors.get(i))).k(12))))))));
        timeInTurn(out, variants, texts, worldId, embedder, client);
    }

    /**
     * The text search for the i-th question as {@code HybridSearch} shapes it, under {@code filters}
     * (none when null), with or without the hits' sources and highlights.
     */
    private static Function<Integer, SearchRequest> bm25(String index, List<String> texts, List<String> fields,
            List<Query> filters, TextQueryType type, boolean source, boolean highlight) {
        return i -> SearchRequest.of(b -> {
            twelveHits(b, index, source);
            Query words = Query.of(q -> q.multiMatch(mm -> mm.query(texts.get(i)).fields(fields).type(type)));
            b.query(filters == null ? words : Query.of(q -> q.bool(bo -> bo.filter(filters).must(words))));
            if (highlight) {
                b.highlight(h -> h.fields("title", f -> f.numberOfFragments(2).fragmentSize(160))
                        .fields("triggerKeys", f -> f.numberOfFragments(2).fragmentSize(160))
                        .fields("content", f -> f.numberOfFragments(2).fragmentSize(160)));
            }
            return b;
        });
    }

    /** The k-NN search for the i-th question's vector, its filter {@code filters} and the embedder's (no filter when null). */
    private static Function<Integer, SearchRequest> knn(String index, String field, List<float[]> vectors, List<Query> filters,
            Query sameEmbedder, boolean source) {
        return i -> SearchRequest.of(b -> twelveHits(b, index, source).query(q -> q.knn(k -> {
            k.field(field).vector(list(vectors.get(i))).k(12);
            return filters == null ? k : k.filter(f -> f.bool(bo -> bo.filter(filters).filter(sameEmbedder)));
        })));
    }

    /** Twelve hits of {@code index} without a total, with the hits' id and title or no source at all. */
    private static SearchRequest.Builder twelveHits(SearchRequest.Builder b, String index, boolean source) {
        b.index(index).size(12).trackTotalHits(t -> t.enabled(false));
        return source ? b.source(s -> s.filter(f -> f.includes("loreEntryId", "title"))) : b.source(s -> s.fetch(false));
    }

    /** A request shape, made for the i-th question. */
    private record Variant(String name, Function<Integer, SearchRequest> request) {
    }

    /**
     * Every variant and the model take each question in turn, so that a slower minute of the machine
     * weighs on all of them alike and the rows compare pair by pair.
     */
    private static void timeInTurn(StringBuilder out, List<Variant> variants, List<String> texts, String worldId,
            TextEmbedder embedder, OpenSearchClient client) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (Variant variant : variants) {
                client.search(variant.request().apply(i % texts.size()), Map.class);
            }
        }
        List<Latencies> latencies = new ArrayList<>();
        variants.forEach(variant -> latencies.add(new Latencies()));
        Latencies embedding = new Latencies();
        for (int i = 0; i < texts.size(); i++) {
            for (int v = 0; v < variants.size(); v++) {
                SearchRequest r = variants.get(v).request().apply(i);
                long t0 = System.nanoTime();
                client.search(r, Map.class);
                latencies.get(v).add(System.nanoTime() - t0);
            }
            // the model alone, on the same question made new again
            long t0 = System.nanoTime();
            embedder.embedOne(worldId, texts.get(i) + " again");
            embedding.add(System.nanoTime() - t0);
        }
        for (int v = 0; v < variants.size(); v++) {
            report(out, variants.get(v).name(), latencies.get(v));
        }
        report(out, "embed new text", embedding);
    }

    private static void report(StringBuilder out, String name, Latencies latencies) {
        out.append(String.format(Locale.ROOT, "    %-62s p50 %6.2f  p95 %6.2f  p99 %6.2f ms%n", name,
                latencies.percentileMillis(0.50), latencies.percentileMillis(0.95), latencies.percentileMillis(0.99)));
    }

    private static List<Float> list(float[] v) {
        List<Float> l = new ArrayList<>(v.length);
        for (float f : v) {
            l.add(f);
        }
        return l;
    }
}
