package io.storyteller.query.retrieval;

import io.storyteller.domain.retrieval.RetrievalReason;
import io.storyteller.domain.retrieval.SearchUnavailable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BM25 and k-NN over one index, fused by reciprocal rank fusion ({@code 1 / (60 + rank)} summed over
 * both lists): a hit ranked well by either search comes back, one ranked well by both comes first.
 * The text search's highlights name the terms it matched, or, for a search asked without highlights,
 * the question's words found in the hit's text ({@link QueryTerms}); the vector search's score gives the cosine
 * similarity (Lucene's cosinesimil score is {@code (1 + cos) / 2}). Neither counts its matches: only
 * the best {@code depth} are used, and an uncounted BM25 search may skip blocks of documents that
 * cannot reach them (block-max WAND) instead of scoring ten thousand to count them.
 * <p>
 * Over several text fields (lore: title, trigger keys, content) the BM25 score is the sum of the
 * fields' scores ({@code most_fields}), not the best field's: an entry whose title, keys and text
 * all hold the words outranks one that mentions them in passing, and a sum is a plain disjunction
 * that Lucene skips through faster than a best-of (on 100,000 lore entries the text search's median
 * fell by about a fifth; {@code docs/benchmarks.md}).
 */
final class HybridSearch {

    static final int RRF_K = 60;
    private static final Pattern EMPHASIS = Pattern.compile("<em>(.*?)</em>");
    private static final Logger log = LoggerFactory.getLogger(HybridSearch.class);

    private final OpenSearchClient client;

    HybridSearch(OpenSearchClient client) {
        this.client = client;
    }

    /** One fused hit: the document, its fused score, why it came back and its highlighted fragments. */
    record Fused(String id, Map<String, Object> source, double score, RetrievalReason reason, List<String> highlights) {
    }

    /**
     * One hybrid search: BM25 over {@code textFields} for {@code text} and k-NN for {@code vector}
     * (among documents of its embedder; null: BM25 alone), both under {@code filters}, the
     * {@code first} best fused hits with {@code sourceFields}, and highlights when {@code highlighted}.
     */
    record Ask(String index, List<Query> filters, List<String> textFields, String text, QueryVector vector, int first,
            List<String> sourceFields, boolean highlighted) {

        /**
         * The same search without highlights: the hits' text fields come back with their sources
         * and the matched words are found from them here, which costs far less than the node's
         * highlighter. For callers that need the reasons and not the fragments.
         */
        Ask unhighlighted() {
            Set<String> fields = new LinkedHashSet<>(sourceFields);
            textFields.forEach(field -> fields.add(fieldName(field)));
            return new Ask(index, filters, textFields, text, vector, first, List.copyOf(fields), false);
        }
    }

    /**
     * Several hybrid searches in one round trip ({@code _msearch}: the node runs them side by side),
     * each answered in the order asked. An index that does not exist (being rebuilt) answers nothing.
     */
    List<List<Fused>> search(List<Ask> asks) {
        List<RequestItem> items = new ArrayList<>();
        for (Ask ask : asks) {
            int depth = depth(ask);
            items.add(RequestItem.of(r -> r.header(h -> h.index(ask.index())).body(b -> {
                b.size(depth)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes(ask.sourceFields())))
                        .query(q -> q.bool(bool -> bool.filter(ask.filters())
                                .must(m -> m.multiMatch(mm -> mm.query(ask.text()).fields(ask.textFields())
                                        .type(TextQueryType.MostFields)))));
                if (ask.highlighted()) {
                    b.highlight(h -> {
                        ask.textFields().forEach(field -> h.fields(fieldName(field),
                                f -> f.numberOfFragments(2).fragmentSize(160)));
                        return h;
                    });
                }
                return b;
            })));
            QueryVector vector = ask.vector();
            if (vector != null) {
                items.add(RequestItem.of(r -> r.header(h -> h.index(ask.index())).body(b -> b.size(depth)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes(ask.sourceFields())))
                        .query(q -> q.knn(k -> k.field(vector.field()).vector(toList(vector.values())).k(depth)
                                .filter(f -> f.bool(bool -> bool.filter(ask.filters()).filter(vector.sameEmbedder()))))))));
            }
        }
        List<MultiSearchResponseItem<Map>> answers;
        try {
            answers = client.msearch(m -> m.searches(items), Map.class).responses();
        } catch (IOException | OpenSearchException e) {
            throw unavailable(e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException) {
                throw unavailable(e);
            }
            throw e;
        }
        List<List<Fused>> fused = new ArrayList<>();
        int answer = 0;
        for (Ask ask : asks) {
            List<Hit<Map>> lexical = hits(answers.get(answer++));
            List<Hit<Map>> semantic = ask.vector() == null ? List.of() : hits(answers.get(answer++));
            fused.add(fuse(lexical, semantic, ask));
        }
        return fused;
    }

    /** A field as the index names it: {@code title^2} is {@code title}. */
    private static String fieldName(String field) {
        int boost = field.indexOf('^');
        return boost < 0 ? field : field.substring(0, boost);
    }

    private static int depth(Ask ask) {
        return Math.max(ask.first() * 2, 10);
    }

    /** One search's hits; none when its index does not exist yet (it is being rebuilt). */
    private static List<Hit<Map>> hits(MultiSearchResponseItem<Map> answer) {
        if (answer.isResult()) {
            return answer.result().hits().hits();
        }
        ErrorResponse failure = answer.failure();
        if (failure.status() != null && failure.status() == 404) {
            return List.of();
        }
        throw unavailable(new IllegalStateException(failure.error().type() + ": " + failure.error().reason()));
    }

    private static SearchUnavailable unavailable(Exception cause) {
        log.warn("Search unavailable: {}", cause.getMessage());
        return new SearchUnavailable(cause);
    }

    @SuppressWarnings("unchecked")
    private static List<Fused> fuse(List<Hit<Map>> lexical, List<Hit<Map>> semantic, Ask ask) {
        int first = ask.first();
        QueryTerms asked = ask.highlighted() ? null : QueryTerms.of(ask.text());
        Map<String, Accumulated> byId = new LinkedHashMap<>();
        for (int rank = 0; rank < lexical.size(); rank++) {
            Hit<Map> hit = lexical.get(rank);
            Accumulated entry = byId.computeIfAbsent(hit.id(), id -> new Accumulated(hit.source()));
            entry.score += 1.0 / (RRF_K + rank + 1);
            if (asked != null) {
                entry.terms.addAll(asked.matchedIn(texts(hit.source(), ask.textFields())));
            }
            hit.highlight().values().forEach(fragments -> {
                entry.highlights.addAll(fragments);
                fragments.forEach(fragment -> terms(fragment, entry.terms));
            });
        }
        for (int rank = 0; rank < semantic.size(); rank++) {
            Hit<Map> hit = semantic.get(rank);
            Accumulated entry = byId.computeIfAbsent(hit.id(), id -> new Accumulated(hit.source()));
            entry.score += 1.0 / (RRF_K + rank + 1);
            entry.similarity = hit.score() == null ? null : 2 * hit.score() - 1;
        }
        List<Fused> fused = new ArrayList<>();
        byId.forEach((id, entry) -> fused.add(new Fused(id, entry.source, entry.score,
                new RetrievalReason(List.copyOf(entry.terms), entry.similarity), List.copyOf(entry.highlights))));
        fused.sort(Comparator.comparingDouble(Fused::score).reversed());
        return fused.subList(0, Math.min(first, fused.size()));
    }

    /** The hit's text fields as returned in its source: a field may hold one text or a list of them. */
    private static List<String> texts(Map<String, Object> source, List<String> textFields) {
        List<String> texts = new ArrayList<>();
        if (source == null) {
            return texts;
        }
        for (String field : textFields) {
            Object value = source.get(fieldName(field));
            if (value instanceof String text) {
                texts.add(text);
            } else if (value instanceof List<?> values) {
                values.forEach(each -> texts.add(String.valueOf(each)));
            }
        }
        return texts;
    }

    private static void terms(String fragment, Set<String> terms) {
        Matcher matcher = EMPHASIS.matcher(fragment);
        while (matcher.find()) {
            terms.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
    }

    private static List<Float> toList(float[] vector) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        return values;
    }

    private static final class Accumulated {
        final Map<String, Object> source;
        final Set<String> terms = new LinkedHashSet<>();
        final List<String> highlights = new ArrayList<>();
        double score;
        Double similarity;

        Accumulated(Map<String, Object> source) {
            this.source = source;
        }
    }
}
