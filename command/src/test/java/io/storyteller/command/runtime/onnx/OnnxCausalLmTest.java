package io.storyteller.command.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.serving.GenerationResult;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxCausalLmTest {

    private static final GenerationSettings GREEDY = new GenerationSettings(0, 1, 40, 7L);

    @TempDir
    Path directory;

    private OnnxCausalLm decoder(boolean withCache, float strength, int stopLength) {
        return OnnxCausalLm.load(OnnxModelDirectory.read(TinyModels.decoder(directory, withCache, strength, stopLength)));
    }

    /** The table's continuation of {@code word}, {@code count} words long. */
    private static String table(String word, int count) {
        List<String> words = new ArrayList<>();
        int id = TinyModels.VOCABULARY.indexOf(word);
        for (int i = 0; i < count; i++) {
            id = TinyModels.next(id);
            words.add(TinyModels.VOCABULARY.get(id));
        }
        return String.join(" ", words);
    }

    @Test
    void greedyGenerationFollowsTheTableUntilTheEndOfSequenceToken() {
        try (OnnxCausalLm model = decoder(false, 10, 16)) {
            GenerationResult result = model.generate("the", GREEDY, List.of(), piece -> { });

            assertThat(model.usesCache()).isFalse();
            assertThat(result.text()).isEqualTo(table("the", 15)).startsWith("cat sat on a mat . the cat");
            assertThat(result.completionTokens()).isEqualTo(15);
            assertThat(result.promptTokens()).isEqualTo(1);
            assertThat(result.finishReason()).isEqualTo(GenerationResult.STOP);
        }
    }

    @Test
    void maxTokensCutsTheGenerationShort() {
        try (OnnxCausalLm model = decoder(false, 10, 16)) {
            GenerationResult result = model.generate("the", GREEDY.withMaxTokens(4), List.of(), piece -> { });

            assertThat(result.text()).isEqualTo("cat sat on a");
            assertThat(result.finishReason()).isEqualTo(GenerationResult.LENGTH);
        }
    }

    @Test
    void theCachePathAndTheFullRerunGiveTheSameTokens() {
        Path full = directory.resolve("full");
        Path cached = directory.resolve("cached");
        try (OnnxCausalLm rerun = OnnxCausalLm.load(OnnxModelDirectory.read(TinyModels.decoder(full, false, 1, 12)));
             OnnxCausalLm cache = OnnxCausalLm.load(OnnxModelDirectory.read(TinyModels.decoder(cached, true, 1, 12)))) {
            assertThat(cache.usesCache()).isTrue();
            for (String prompt : List.of("the", "a mat", "sat on the")) {
                GenerationResult greedyRerun = rerun.generate(prompt, GREEDY, List.of(), piece -> { });
                GenerationResult greedyCache = cache.generate(prompt, GREEDY, List.of(), piece -> { });
                assertThat(greedyCache).isEqualTo(greedyRerun);
                // The end comes from the length the cache holds: a cache lost or doubled would stop elsewhere.
                assertThat(greedyCache.completionTokens()).isEqualTo(12 - greedyCache.promptTokens());

                GenerationSettings sampled = new GenerationSettings(1.0, 1.0, 40, 42L);
                assertThat(cache.generate(prompt, sampled, List.of(), piece -> { }))
                        .isEqualTo(rerun.generate(prompt, sampled, List.of(), piece -> { }));
            }
        }
    }

    @Test
    void aStopSequenceEndsTheTextBeforeIt() {
        try (OnnxCausalLm model = decoder(true, 10, 30)) {
            List<String> pieces = new ArrayList<>();
            GenerationResult result = model.generate("the", GREEDY, List.of("mat ."), pieces::add);

            assertThat(result.text()).isEqualTo("cat sat on a ");
            assertThat(String.join("", pieces)).isEqualTo(result.text());
            assertThat(result.finishReason()).isEqualTo(GenerationResult.STOP);
            // "mat" could still have begun the stop sequence: it was never handed on.
            assertThat(pieces).noneMatch(piece -> piece.contains("mat"));
        }
    }

    @Test
    void topPNearZeroIsGreedyAtAnyTemperatureAndTheSeedFixesTheDraws() {
        try (OnnxCausalLm model = decoder(true, 1, 40)) {
            String greedy = model.generate("the", GREEDY.withMaxTokens(20), List.of(), piece -> { }).text();
            GenerationSettings hot = new GenerationSettings(1.5, 1e-9, 20, 3L);
            GenerationSettings wide = new GenerationSettings(1.5, 1.0, 20, 3L);

            assertThat(model.generate("the", hot, List.of(), piece -> { }).text()).isEqualTo(greedy);
            String sampled = model.generate("the", wide, List.of(), piece -> { }).text();
            assertThat(sampled).isNotEqualTo(greedy);
            assertThat(model.generate("the", wide, List.of(), piece -> { }).text()).isEqualTo(sampled);
        }
    }

    @Test
    void streamedPiecesConcatenateToTheText() {
        try (OnnxCausalLm model = decoder(true, 1, 40)) {
            List<String> pieces = new ArrayList<>();
            GenerationResult result = model.generate("the cat", new GenerationSettings(0.9, 0.8, 25, 11L), List.of(), pieces::add);

            assertThat(pieces).hasSize(25);
            assertThat(String.join("", pieces)).isEqualTo(result.text());
        }
    }

    @Test
    void aDirectoryWithoutADecoderIsRefusedWithTheReason() {
        Path classifier = TinyModels.classifier(directory.resolve("classifier"));

        assertThatThrownBy(() -> OnnxCausalLm.load(OnnxModelDirectory.read(classifier)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no causal LM");
    }
}
