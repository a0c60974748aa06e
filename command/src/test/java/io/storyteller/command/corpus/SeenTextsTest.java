package io.storyteller.command.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The deduplication table: every hash once, across growth, and texts equal once normalised hash alike. */
class SeenTextsTest {

    @Test
    void eachHashIsAddedOnceHoweverLargeTheTableGrows() {
        SeenTexts seen = new SeenTexts();
        for (long i = 0; i < 100_000; i++) {
            assertThat(seen.add(i * 31, i)).isTrue();
        }
        for (long i = 0; i < 100_000; i += 997) {
            assertThat(seen.add(i * 31, i)).isFalse();
        }
        assertThat(seen.add(0, 1)).isTrue();
        assertThat(seen.size()).isEqualTo(100_001);
    }

    @Test
    void caseSpacingAndUnicodeFormDoNotMakeTextsDiffer() {
        assertThat(DatasetFiles.seen("  The  Keeper\tnods. ")).isEqualTo(DatasetFiles.seen("the keeper nods."));
        assertThat(DatasetFiles.seen("ﬁre")).isEqualTo(DatasetFiles.seen("fire"));
        assertThat(DatasetFiles.seen("the keeper nods.")).isNotEqualTo(DatasetFiles.seen("the keeper nods!"));
    }
}
