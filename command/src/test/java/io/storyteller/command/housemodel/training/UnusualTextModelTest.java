package io.storyteller.command.housemodel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.serving.GenerationResult;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import io.storyteller.command.housemodel.text.UnusualText;
import io.storyteller.command.housemodel.text.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A world whose texts hold every unusual kind of character still trains, exports and narrates. */
class UnusualTextModelTest {

    @Test
    void trains_exports_and_runs_on_a_corpus_full_of_unusual_text(@TempDir Path root) throws Exception {
        List<String> documents = new ArrayList<>(Corpus.DOCUMENTS);
        for (UnusualText unusual : UnusualText.KINDS) {
            documents.add("Mira reads the sign: " + unusual.text() + " and the flame bends low.");
        }
        documents.add(UnusualText.all());

        TrainedHouseModel model = new HouseModelTrainer().train(documents, TrainingSettings.defaults());
        assertThat(model.vocabulary().tokens()).contains(UnusualText.REPLACEMENT, "😀", "𝔘𝔫𝔦", "\u0000", "\u202E",
                "café", "\u200D", "שלום");

        HouseModelStore store = new HouseModelStore(root);
        store.save("glyphs", model, new CorpusRange(0, documents.size()));
        try (HouseModelRuntime runtime = store.load("glyphs", 1)) {
            assertThat(runtime.vocabulary()).isEqualTo(model.vocabulary());
            int smile = model.vocabulary().tokens().indexOf("😀");
            float[] onnx = runtime.nextTokenProbabilities(smile, Vocabulary.BEAT_START_ID, 1f);
            double[] java = model.nextTokenProbabilities(smile, Vocabulary.BEAT_START_ID, 1f);
            for (int next = 0; next < onnx.length; next++) {
                assertThat((double) onnx[next]).isCloseTo(java[next], within(1e-5));
            }
            for (UnusualText unusual : UnusualText.KINDS) {
                StringBuilder streamed = new StringBuilder();
                GenerationResult result = runtime.generate(unusual.text(),
                        GenerationSettings.defaults().withSeed(11L), streamed::append);
                assertThat(result.text()).as(unusual.kind()).isNotBlank().isEqualTo(streamed.toString());
                assertThat(result.promptTokens()).as(unusual.kind()).isEqualTo(unusual.words().size());
                assertThat(wellFormed(result.text())).as(unusual.kind()).isTrue();
            }
        }
    }

    /** No unpaired surrogate: the text encodes to UTF-8 and back unchanged. */
    private static boolean wellFormed(String text) {
        return new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8).equals(text);
    }
}
