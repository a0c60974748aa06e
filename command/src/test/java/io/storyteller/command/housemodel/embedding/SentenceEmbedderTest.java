package io.storyteller.command.housemodel.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.retrieval.TextEmbeddings;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {

    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = SentenceEmbedder.bundled();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsAreUnitLengthAndOfTheModelsDimension() {
        List<float[]> vectors = embedder.embed(List.of("The lighthouse keeper trims the lamp.", "", "Ash"));
        assertThat(vectors).hasSize(3).allSatisfy(v -> {
            assertThat(v).hasSize(SentenceEmbedder.DIMENSIONS);
            assertThat(TextEmbeddings.cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
    }

    @Test
    void meaningDecidesSimilarityNotSharedWords() {
        List<float[]> v = embedder.embed(List.of(
                "The dragon burned the village to the ground.",
                "A great winged beast set the town on fire.",
                "The merchant counted his coins in the ground floor shop."));
        assertThat(TextEmbeddings.cosine(v.get(0), v.get(1))).isGreaterThan(TextEmbeddings.cosine(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void aTextEmbedsAloneAsInABatchOfLongerTexts() {
        String shortText = "Storm over the harbour.";
        float[] alone = embedder.embed(List.of(shortText)).get(0);
        float[] batched = embedder.embed(List.of("A much longer sentence about the harbour master and the ships he keeps waiting at the mole.", shortText)).get(1);
        assertThat(TextEmbeddings.cosine(alone, batched)).isGreaterThan(0.9999);
    }

    @Test
    void aLongTextIsCutNotRefused() {
        String longText = String.join(" ", Collections.nCopies(2000, "waves"));
        assertThat(embedder.embed(List.of(longText)).get(0)).hasSize(SentenceEmbedder.DIMENSIONS);
    }
}
