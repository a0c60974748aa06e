package io.storyteller.ops.search;

import static io.storyteller.ops.search.SearchIndexFixture.deliver;
import static io.storyteller.ops.search.SearchIndexFixture.document;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.embedding.Embeddings;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.retrieval.LoreHit;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import io.storyteller.projections.search.LoreIndexProjection;
import io.storyteller.query.retrieval.LoreRetrieval;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * Vectors of different embedders are never compared: on a real OpenSearch node, a world's lore is
 * indexed by one embedder, then the world's embedder slot changes and a new entry is indexed by the
 * other. Each document names its embedder; a search's k-NN half only finds documents of the
 * query's embedder, even when both embedders' vectors have the same size and share a field, and
 * BM25 still finds every document.
 */
class SeparateEmbeddersTest {

    private static final ModelRef HASHED = new ModelRef("lab:hashed-words", "1");
    private static final LoreContent BELL = new LoreContent("The Drowned Bell", List.of("bell"),
            "A bronze bell hangs in the sunken church and rings when a storm comes.", "places", 5, false);
    private static final LoreContent LAMP = new LoreContent("The Lighthouse Lamp", List.of("lamp"),
            "The lamp of the lighthouse turns all night; the keeper trims its wick at dusk.", "places", 5, false);

    private static SentenceEmbedder house;

    private final OpenSearchClient client = SearchIndexFixture.client();
    private final String worldId = "embedders-world-" + UUID.randomUUID();

    @BeforeAll
    static void load() {
        house = SentenceEmbedder.bundled();
    }

    @AfterAll
    static void close() {
        house.close();
    }

    @Test
    void theVectorSearchOnlyMatchesDocumentsOfTheQuerysEmbedderWhileBm25FindsThemAll() throws IOException {
        TextEmbedder byHouse = embedder(null, 384);
        TextEmbedder byHashed = embedder(HASHED, 384);
        String bellId = "lore-" + UUID.randomUUID();
        String lampId = "lore-" + UUID.randomUUID();
        deliver(new LoreIndexProjection(client, byHouse), "World", worldId, 1, new LoreEntryAdded(worldId, bellId, BELL, "owner"));
        // the world's embedder slot now serves another model: the next entry is embedded by it
        deliver(new LoreIndexProjection(client, byHashed), "World", worldId, 2, new LoreEntryAdded(worldId, lampId, LAMP, "owner"));

        assertThat(document(SearchIndex.LORE, bellId).orElseThrow().source())
                .containsEntry("embedder", SentenceEmbedder.MODEL_ID + "@" + SentenceEmbedder.VERSION).containsKey("embedding_384");
        assertThat(document(SearchIndex.LORE, lampId).orElseThrow().source())
                .containsEntry("embedder", HASHED.label()).containsKey("embedding_384");
        client.indices().refresh(r -> r.index(SearchIndex.LORE.indexName()));

        String question = "the bell and the lamp";
        Map<String, LoreHit> byHashedHits = hits(byHashed, question);
        assertThat(byHashedHits).containsOnlyKeys(bellId, lampId);
        assertThat(byHashedHits.get(lampId).reason().vectorSimilarity()).isNotNull();
        assertThat(byHashedHits.get(bellId).reason().vectorSimilarity()).as("the house-embedded bell is found by BM25 alone").isNull();
        assertThat(byHashedHits.get(bellId).reason().matchedTerms()).contains("bell");

        Map<String, LoreHit> byHouseHits = hits(byHouse, question);
        assertThat(byHouseHits).containsOnlyKeys(bellId, lampId);
        assertThat(byHouseHits.get(bellId).reason().vectorSimilarity()).isNotNull();
        assertThat(byHouseHits.get(lampId).reason().vectorSimilarity()).isNull();
    }

    @Test
    void anEmbedderOfAnotherSizeGetsAFieldOfItsOwnOnFirstUse() throws IOException {
        TextEmbedder small = embedder(new ModelRef("lab:hashed-words-48", "1"), 48);
        String lampId = "lore-" + UUID.randomUUID();
        deliver(new LoreIndexProjection(client, small), "World", worldId, 1, new LoreEntryAdded(worldId, lampId, LAMP, "owner"));

        assertThat(document(SearchIndex.LORE, lampId).orElseThrow().source()).containsKey("embedding_48")
                .doesNotContainKey("embedding_384");
        client.indices().refresh(r -> r.index(SearchIndex.LORE.indexName()));
        Map<String, LoreHit> hits = hits(small, "the keeper trims the wick");
        assertThat(hits).containsOnlyKeys(lampId);
        assertThat(hits.get(lampId).reason().vectorSimilarity()).isGreaterThan(0.3);
        // a world of the house embedder searching the same index finds it by its words only
        assertThat(hits(embedder(null, 384), "the keeper trims the wick").get(lampId).reason().vectorSimilarity()).isNull();
    }

    private Map<String, LoreHit> hits(TextEmbedder embedder, String question) {
        Map<String, LoreHit> byId = new java.util.LinkedHashMap<>();
        // a platform actor: the access check reads no table
        new LoreRetrieval(client, embedder, null).handle(new SearchLore(worldId, Actor.system(), question, 10)).hits()
                .forEach(hit -> byId.put(hit.loreEntryId(), hit));
        return byId;
    }

    /** The application's {@code EmbedTexts} handler, with the world's embedder slot serving {@code slot} (null: none). */
    private static TextEmbedder embedder(ModelRef slot, int dimensions) {
        SimpleQueryBus slots = SimpleQueryBus.builder().build();
        slots.subscribe(FindSlotRoute.class.getName(), NarratorRoute.class, message -> slot == null
                ? GenericQueryResponseMessage.asNullableResponseMessage(NarratorRoute.class, null)
                : new NarratorRoute("embedder:global", slot, null));
        StageSlots reader = new StageSlots(DefaultQueryGateway.builder().queryBus(slots).build(), Duration.ofSeconds(5),
                Clock.systemUTC());
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new Embeddings(house, reader, ref -> new HashedWords(dimensions))).subscribe(bus);
        return new TextEmbedder(DefaultQueryGateway.builder().queryBus(bus).build());
    }

    /** A second, much simpler embedder: each lower-cased word hashed into one dimension. */
    private record HashedWords(int dimensions) implements EmbeddingModel {

        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            List<Embedding> embeddings = new ArrayList<>();
            for (String text : request.getInstructions()) {
                float[] vector = new float[dimensions];
                for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
                    if (!word.isEmpty()) {
                        vector[Math.floorMod(word.hashCode(), dimensions)] += 1;
                    }
                }
                embeddings.add(new Embedding(vector, embeddings.size()));
            }
            return new EmbeddingResponse(embeddings);
        }

        @Override
        public float[] embed(Document document) {
            return call(new EmbeddingRequest(List.of(document.getText()), null)).getResult().getOutput();
        }
    }
}
