package io.storyteller.command.housemodel.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.text.Vocabulary;
import io.storyteller.command.housemodel.text.WordTokenizer;
import io.storyteller.command.housemodel.training.Corpus;
import io.storyteller.command.housemodel.training.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseModelRuntimeTest {

    @TempDir
    static Path storeRoot;
    private static HouseModelRuntime runtime;
    private static Set<String> corpusWords;

    @BeforeAll
    static void load() {
        runtime = Fixtures.runtime(storeRoot);
        corpusWords = new HashSet<>();
        try (WordTokenizer splitter = WordTokenizer.of(Vocabulary.specialsOnly())) {
            Corpus.DOCUMENTS.forEach(document -> corpusWords.addAll(splitter.words(document)));
        }
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void generates_only_corpus_words_and_never_special_tokens() {
        for (long seed = 0; seed < 40; seed++) {
            List<String> tokens = new ArrayList<>();
            GenerationResult result = runtime.generate(Corpus.FOREIGN_PROMPT,
                    GenerationSettings.defaults().withTemperature(1.5).withTopP(1.0).withSeed(seed),
                    piece -> tokens.add(piece.strip()));
            assertThat(tokens).hasSize(result.completionTokens()).allSatisfy(token -> {
                assertThat(corpusWords).contains(token);
                assertThat(token).isNotIn("<unk>", "<s>", "</s>");
            });
            assertThat(result.text()).doesNotContain("zeppelin", "<unk>", "</s>");
        }
    }

    @Test
    void a_beat_never_repeats_a_trigram_even_when_cold() {
        for (long seed = 0; seed < 20; seed++) {
            List<String> tokens = new ArrayList<>();
            runtime.generate("You open the door.",
                    GenerationSettings.defaults().withTemperature(0.3).withMaxTokens(80).withSeed(seed),
                    piece -> tokens.add(piece.strip()));
            Set<String> trigrams = new java.util.HashSet<>();
            for (int i = 2; i < tokens.size(); i++) {
                String trigram = tokens.get(i - 2) + " " + tokens.get(i - 1) + " " + tokens.get(i);
                assertThat(trigrams.add(trigram)).as("trigram '%s' repeated with seed %d", trigram, seed).isTrue();
            }
        }
    }

    @Test
    void stops_at_max_tokens() {
        for (long seed = 0; seed < 10; seed++) {
            GenerationResult result = runtime.generate("You open the door.",
                    GenerationSettings.defaults().withMaxTokens(5).withSeed(seed), piece -> { });
            assertThat(result.completionTokens()).isBetween(1, 5);
        }
        GenerationResult longer = runtime.generate("You open the door.",
                GenerationSettings.defaults().withMaxTokens(40).withSeed(3L), piece -> { });
        assertThat(longer.completionTokens()).isBetween(HouseModelRuntime.MIN_TOKENS, 40);
        assertThat(longer.finishReason()).isIn(GenerationResult.STOP, GenerationResult.LENGTH);
    }

    @Test
    void the_same_seed_gives_the_same_text_and_usage_counts_the_prompt() {
        GenerationSettings settings = GenerationSettings.defaults().withSeed(99L);
        GenerationResult first = runtime.generate("Mira climbs the tower", settings, piece -> { });
        GenerationResult second = runtime.generate("Mira climbs the tower", settings, piece -> { });
        assertThat(first).isEqualTo(second);
        assertThat(first.promptTokens()).isEqualTo(4);
        assertThat(first.text()).isNotBlank().doesNotStartWith(" ");
    }

    @Test
    void greedy_decoding_follows_the_strongest_counts() {
        GenerationResult result = runtime.generate("the captain",
                GenerationSettings.defaults().withTemperature(0).withMaxTokens(3), piece -> { });
        assertThat(result.text()).startsWith("of the watch");
    }

    @Test
    void concurrent_generations_share_one_session() {
        GenerationSettings settings = GenerationSettings.defaults().withSeed(5L);
        String expected = runtime.generate("You walk along the docks", settings, piece -> { }).text();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> runs = IntStream.range(0, 32)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                            runtime.generate("You walk along the docks", settings, piece -> { }).text(), threads))
                    .toList();
            assertThat(runs).allSatisfy(run -> assertThat(run.join()).isEqualTo(expected));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_closed_runtime_refuses_to_generate(@TempDir Path otherRoot) {
        HouseModelRuntime closed = Fixtures.runtime(otherRoot);
        closed.close();
        assertThatThrownBy(() -> closed.generate("hello", GenerationSettings.defaults(), piece -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("house:varn:v1");
    }
}
