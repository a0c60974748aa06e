package io.storyteller.command.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vectors kept in PostgreSQL by embedder and text: read back as written, missed for a text or an
 * embedder version never kept, and read by {@link Embeddings} before it computes anything.
 */
class VectorTableTest {

    /** The table belongs to the read-model migrations: the test creates it from the very migration. */
    private static final Path MIGRATION = Path.of("../projections/src/main/resources/db/migration/V70__embedding_vectors.sql");
    private static final String HOUSE = SentenceEmbedder.MODEL_ID + "@" + SentenceEmbedder.VERSION;

    private static EmbeddedPostgres postgres;
    private static SentenceEmbedder house;
    private static VectorTable table;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        jdbc.sql(Files.readString(MIGRATION)).update();
        table = new VectorTable(postgres.getPostgresDatabase());
        house = SentenceEmbedder.bundled();
    }

    @AfterAll
    static void stop() throws IOException {
        house.close();
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("TRUNCATE embedding_vectors").update();
    }

    @Test
    void aKeptVectorIsReadBackExactlyAndAnUnknownTextMisses() {
        float[] fog = {0.25f, -1.5f, Float.MIN_VALUE, 3.4028235e38f};
        table.keep("lab:minilm@1", Map.of("fog over the quay", fog, "the bell", new float[] {1f, 0f, 0f, 0f}));

        Map<String, float[]> found = table.find("lab:minilm@1", List.of("fog over the quay", "a lantern"));

        assertThat(found).containsOnlyKeys("fog over the quay");
        assertThat(found.get("fog over the quay")).containsExactly(fog);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void anotherEmbedderVersionMissesAndKeepsItsOwn() {
        table.keep("lab:minilm@1", Map.of("fog", new float[] {1f, 0f}));

        assertThat(table.find("lab:minilm@2", List.of("fog"))).isEmpty();
        table.keep("lab:minilm@2", Map.of("fog", new float[] {0f, 1f}));
        assertThat(table.find("lab:minilm@1", List.of("fog")).get("fog")).containsExactly(1f, 0f);
        assertThat(table.find("lab:minilm@2", List.of("fog")).get("fog")).containsExactly(0f, 1f);
    }

    @Test
    void aTextKeptTwiceKeepsItsFirstVector() {
        table.keep("lab:minilm@1", Map.of("fog", new float[] {1f, 0f}));
        table.keep("lab:minilm@1", Map.of("fog", new float[] {0f, 1f}, "bell", new float[] {0.5f, 0.5f}));

        assertThat(table.find("lab:minilm@1", List.of("fog")).get("fog")).containsExactly(1f, 0f);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void embeddingsReadKeptVectorsBeforeComputingAndKeepWhatTheyCompute() {
        float[] kept = keptForTheDrownedBell();

        TextEmbeddings answer = Embeddings.houseOnly(house, table)
                .handle(new EmbedTexts("w1", List.of("the drowned bell", "a lantern on the quay"), true));

        assertThat(answer.vectors().get(0)).containsExactly(kept);
        assertThat(answer.vectors().get(1)).containsExactly(house.embed("a lantern on the quay"));
        assertThat(table.find(HOUSE, List.of("a lantern on the quay")).get("a lantern on the quay"))
                .as("a computed vector is kept for the next process").containsExactly(house.embed("a lantern on the quay"));
        assertThat(Embeddings.houseOnly(house, table).handle(new EmbedTexts("w1", List.of("the drowned bell"), true))
                .vectors().getFirst()).as("a new process, nothing in memory").containsExactly(kept);
    }

    /** A search's question or a turn's candidate is new: the model runs at once, with no round trip to the table first. */
    @Test
    void newTextsAreEmbeddedWithoutLookingInTheTableAndKeptForTheIndexes() {
        keptForTheDrownedBell();

        TextEmbeddings answer = Embeddings.houseOnly(house, table)
                .handle(new EmbedTexts("w1", List.of("the drowned bell", "who rings the drowned bell?")));

        assertThat(answer.vectors().get(0)).as("computed, not read").containsExactly(house.embed("the drowned bell"));
        assertThat(table.find(HOUSE, List.of("who rings the drowned bell?")).get("who rings the drowned bell?"))
                .as("kept, as the story index will index a turn's action").containsExactly(house.embed("who rings the drowned bell?"));
    }

    /** Keeps for "the drowned bell" a vector the model would never give: a vector read from the table shows as this one. */
    private float[] keptForTheDrownedBell() {
        float[] kept = new float[SentenceEmbedder.DIMENSIONS];
        kept[7] = 1f;
        table.keep(HOUSE, Map.of("the drowned bell", kept));
        return kept;
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM embedding_vectors").query(Long.class).single();
    }
}
