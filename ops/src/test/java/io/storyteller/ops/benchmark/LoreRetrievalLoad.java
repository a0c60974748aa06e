package io.storyteller.ops.benchmark;

import io.storyteller.domain.retrieval.LoreHits;
import io.storyteller.domain.retrieval.RecallForTurn;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.retrieval.TurnRecall;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.schema.VectorFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.QueryGateway;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.indices.stats.IndicesStatsMetric;

/**
 * (a) Lore retrieval in a world with many entries. Setup writes the documents straight into the lore
 * index in the projection's shape (bulk, 1,000 a request): indexing 100,000 entries one event at a
 * time would take most of an hour. Their vectors are the sum of the real embeddings of their role,
 * place and trait plus a little noise, normalised (embedding every entry would take minutes of
 * model time). Then the real query path is timed: {@link SearchLore} through the query gateway as
 * the narration engine asks it (embedding the question, BM25 and k-NN, fusion), one at a time.
 */
final class LoreRetrievalLoad {

    private static final int BULK = 1000;
    private static final double NOISE = 0.03;
    /** {@code -Dbench.mergeSettled} (true): merge the loaded index into one segment, as a caught-up rebuild does. */
    private static final boolean MERGE_SETTLED = Boolean.parseBoolean(System.getProperty("bench.mergeSettled", "true"));

    /**
     * @param mergeSeconds how long the node went on merging the loaded segments after the load; queries
     *                     are timed only after that, as merges compete with them for the cores
     */
    record Result(int entries, double loadSeconds, double mergeSeconds, int segments, int queries, Latencies search,
                  Latencies embedding, Latencies embeddingIndexed, Latencies turnRecall, Latencies turnRecallLoreOnly, double meanHits,
                  int storyBeats, int otherBeats, double beatsLoadSeconds) {
    }

    /** The story whose memory the narrator's recall searches, and the beats it and other stories hold. */
    static final String MEMORY_STORY = "bench-lore-story";
    private static final int STORY_BEATS = Integer.getInteger("bench.storyBeats", 4800);
    private static final int OTHER_STORIES = Integer.getInteger("bench.otherStories", 20);

    private final OpenSearchClient client;
    private final QueryGateway queries;
    private final TextEmbedder embedder;

    LoreRetrievalLoad(OpenSearchClient client, QueryGateway queries, TextEmbedder embedder) {
        this.client = client;
        this.queries = queries;
        this.embedder = embedder;
    }

    Result run(String worldId, int entries, int warmup, int measured) throws Exception {
        long t0 = System.nanoTime();
        load(worldId, entries);
        client.indices().refresh(r -> r.index(SearchIndex.LORE.indexName()));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        double mergeSeconds = awaitMerges();
        if (MERGE_SETTLED) {
            mergeSeconds += awaitOneSegment();
        }
        int segments = segments();
        long b0 = System.nanoTime();
        int otherBeats = loadBeats(worldId);
        double beatsLoadSeconds = (System.nanoTime() - b0) / 1e9;

        Random random = new Random(42);
        for (int i = 0; i < warmup; i++) {
            search(worldId, LoreCorpus.question(random));
        }
        Latencies search = new Latencies();
        Latencies embedding = new Latencies();
        long hits = 0;
        List<String> asked = new ArrayList<>();
        // Every measured text is new to the embedder (its vectors are kept and cached): a player's action is.
        for (int i = 0; i < measured; i++) {
            String question = LoreCorpus.question(random);
            asked.add(question);
            question = question + " on day " + i;
            long start = System.nanoTime();
            int found = search(worldId, question);
            search.add(System.nanoTime() - start);
            hits += found;
        }
        // the narrator's path: RecallForTurn on the same questions, each new again (lore and story memory in
        // one _msearch, as in a story longer than its recent window: every beat of it is older than the window,
        // and it holds bench.storyBeats of them)
        Latencies turnRecall = recallEach(worldId, asked, " at hour ", Integer.MAX_VALUE);
        // and as in a story its recent window holds whole (the first 40 beats): lore alone
        Latencies turnRecallLoreOnly = recallEach(worldId, asked, " at minute ", 1);
        // the model's share of it: the same questions, each new again, embedded alone; beside each, a text
        // as new embedded as an indexed document's is (the kept vectors read first), for what that read costs
        Latencies embeddingIndexed = new Latencies();
        for (int i = 0; i < asked.size(); i++) {
            String question = asked.get(i) + " in week " + i;
            long start = System.nanoTime();
            embedder.embedOne(worldId, question);
            embedding.add(System.nanoTime() - start);
            String document = asked.get(i) + " in month " + i;
            start = System.nanoTime();
            embedder.embed(worldId, List.of(document));
            embeddingIndexed.add(System.nanoTime() - start);
        }
        return new Result(entries, loadSeconds, mergeSeconds, segments, measured, search, embedding, embeddingIndexed,
                turnRecall, turnRecallLoreOnly, hits / (double) measured, STORY_BEATS, otherBeats, beatsLoadSeconds);
    }

    private Latencies recallEach(String worldId, List<String> asked, String suffix, int windowStart) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < asked.size(); i++) {
            String question = asked.get(i) + suffix + i;
            long start = System.nanoTime();
            TurnRecall recalled = queries.query(new RecallForTurn(worldId, MEMORY_STORY, question, 6, 4, windowStart),
                    TurnRecall.class).get(30, TimeUnit.SECONDS);
            latencies.add(System.nanoTime() - start);
            if (recalled.lore().isEmpty()) {
                throw new IllegalStateException("no lore recalled for '" + question + "'");
            }
        }
        return latencies;
    }

    /**
     * As a rebuild's catch-up does ({@code LoreIndexProjection.replayCaughtUp}): merges the settled index
     * into one segment; the seconds until it is one (at most 10 minutes).
     */
    private double awaitOneSegment() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
        SearchIndex.LORE.mergeSettled(client);
        while (System.nanoTime() < deadline && segments() > 1) {
            Thread.sleep(500);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private int segments() throws IOException {
        client.indices().refresh(r -> r.index(SearchIndex.LORE.indexName()));
        return client.cat().segments(s -> s.index(SearchIndex.LORE.indexName())).valueBody().size();
    }

    /** Waits (at most 10 minutes) until the lore index runs no merge; the seconds waited. */
    private double awaitMerges() throws IOException, InterruptedException {
        return awaitMerges(SearchIndex.LORE.indexName());
    }

    private double awaitMerges(String index) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline && client.indices().stats(s -> s.index(index).metric(IndicesStatsMetric.Merge))
                .indices().get(index).total().merges().current() > 0) {
            Thread.sleep(500);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private int search(String worldId, String question) throws Exception {
        LoreHits hits = queries.query(new SearchLore(worldId, Actor.system(), question, 10), LoreHits.class)
                .get(30, TimeUnit.SECONDS);
        if (hits.hits().isEmpty()) {
            throw new IllegalStateException("no lore found for '" + question + "'");
        }
        return hits.hits().size();
    }

    private void load(String worldId, int entries) throws IOException {
        List<float[]> roles = vectors(worldId, Arrays.asList(LoreCorpus.ROLES));
        List<String> placeNames = new ArrayList<>();
        for (int place = 0; place < LoreCorpus.ADJECTIVES.length * LoreCorpus.PLACES.length; place++) {
            placeNames.add(LoreCorpus.placeName(place));
        }
        List<float[]> places = vectors(worldId, placeNames);
        List<float[]> traits = vectors(worldId, Arrays.asList(LoreCorpus.TRAITS));
        String model = embedder.embedOne(worldId, "model").embedder();
        Random noise = new Random(7);
        for (int from = 0; from < entries; from += BULK) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = from; i < Math.min(entries, from + BULK); i++) {
                String id = "bench-lore-" + i;
                Map<String, Object> document = document(worldId, id, LoreCorpus.entry(i), model,
                        mix(noise, roles.get(LoreCorpus.role(i)), places.get(LoreCorpus.place(i)), traits.get(LoreCorpus.trait(i))));
                add(bulk, SearchIndex.LORE, id, document);
            }
            send(bulk, "lore");
        }
    }

    /** A document written as its projection writes a new one: external version 1. */
    private static void add(BulkRequest.Builder bulk, SearchIndex index, String id, Map<String, Object> document) {
        bulk.operations(op -> op.index(ix -> ix.index(index.indexName()).id(id)
                .versionType(VersionType.External).version(1L).document(document)));
    }

    private void send(BulkRequest.Builder bulk, String what) throws IOException {
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            throw new IllegalStateException("bulk load of " + what + " failed: " + response.items().stream()
                    .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse("?"));
        }
    }

    /**
     * The story memory the recall searches: {@code bench.storyBeats} beats (4,800: a story of 2,400
     * turns) in {@link #MEMORY_STORY}, and as many in each of {@code bench.otherStories} other stories of
     * the world, shaped as the story index writes them, with vectors near the lore's. Waits until the
     * index's merges have settled; returns the other stories' beats.
     */
    private int loadBeats(String worldId) throws IOException, InterruptedException {
        List<float[]> roles = vectors(worldId, Arrays.asList(LoreCorpus.ROLES));
        List<float[]> traits = vectors(worldId, Arrays.asList(LoreCorpus.TRAITS));
        String model = embedder.embedOne(worldId, "model").embedder();
        Random noise = new Random(11);
        int perStory = STORY_BEATS;
        int total = perStory * (1 + OTHER_STORIES);
        for (int from = 0; from < total; from += BULK) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = from; i < Math.min(total, from + BULK); i++) {
                int story = i / perStory;
                int position = i % perStory + 1;
                String storyId = story == 0 ? MEMORY_STORY : "bench-other-story-" + story;
                String id = storyId + "-beat-" + position;
                LoreContent about = LoreCorpus.entry(i);
                Map<String, Object> beat = new HashMap<>();
                beat.put("storyId", storyId);
                beat.put("worldId", worldId);
                beat.put("beatId", id);
                beat.put("kind", position % 2 == 1 ? "PLAYER_ACTION" : "NARRATION");
                beat.put("position", position);
                beat.put("text", about.content());
                beat.put("embedder", model);
                float[] vector = mix(noise, roles.get(LoreCorpus.role(i)), traits.get(LoreCorpus.trait(i)));
                beat.put(VectorFields.name(vector.length), vector);
                add(bulk, SearchIndex.BEATS, id, beat);
            }
            send(bulk, "beats");
        }
        client.indices().refresh(r -> r.index(SearchIndex.BEATS.indexName()));
        awaitMerges(SearchIndex.BEATS.indexName());
        return total - perStory;
    }

    private List<float[]> vectors(String worldId, List<String> texts) {
        return embedder.embed(worldId, texts).vectors();
    }

    private static float[] mix(Random noise, float[]... parts) {
        float[] sum = new float[parts[0].length];
        for (float[] part : parts) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += part[d];
            }
        }
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] += (float) (noise.nextGaussian() * NOISE);
            norm += sum[d] * sum[d];
        }
        float length = (float) Math.sqrt(norm);
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= length;
        }
        return sum;
    }

    /** The lore projection's document shape (LoreIndexProjection). */
    private static Map<String, Object> document(String worldId, String id, LoreContent content, String model, float[] vector) {
        Map<String, Object> document = new HashMap<>();
        document.put("worldId", worldId);
        document.put("loreEntryId", id);
        document.put("title", content.title());
        document.put("content", content.content());
        document.put("triggerKeys", content.triggerKeys());
        document.put("category", content.category());
        document.put("retired", false);
        document.put("embedder", model);
        document.put(VectorFields.name(vector.length), vector);
        return document;
    }
}
