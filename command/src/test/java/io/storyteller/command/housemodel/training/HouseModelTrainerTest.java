package io.storyteller.command.housemodel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.storyteller.command.housemodel.text.Vocabulary;
import io.storyteller.command.housemodel.text.WordTokenizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HouseModelTrainerTest {

    private final HouseModelTrainer trainer = new HouseModelTrainer();

    @Test
    void vocabulary_holds_special_tokens_then_words_by_frequency() {
        Vocabulary vocabulary = Fixtures.MODEL.vocabulary();
        assertThat(vocabulary.tokens().subList(0, 3)).containsExactly("<unk>", "<s>", "</s>");
        assertThat(vocabulary.tokens()).contains("lighthouse", "Varn", "smugglers", "\"").doesNotContain("zeppelin");
        Map<String, Long> frequencies = new HashMap<>();
        try (WordTokenizer splitter = WordTokenizer.of(Vocabulary.specialsOnly())) {
            Corpus.DOCUMENTS.forEach(document -> splitter.words(document).forEach(word -> frequencies.merge(word, 1L, Long::sum)));
        }
        List<Long> counts = vocabulary.tokens().subList(3, vocabulary.size()).stream().map(frequencies::get).toList();
        assertThat(counts).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(vocabulary.token(3)).isEqualTo("the");
    }

    @Test
    void statistics_count_the_corpus() {
        CorpusStatistics statistics = Fixtures.MODEL.statistics();
        assertThat(statistics.documents()).isEqualTo(Corpus.DOCUMENTS.size());
        assertThat(statistics.tokens()).isGreaterThan(300);
        assertThat(statistics.vocabularySize()).isEqualTo(Fixtures.MODEL.vocabulary().size());
        assertThat(statistics.unknownTokens()).isZero();
    }

    @Test
    void words_beyond_max_vocabulary_become_unknown() {
        TrainedHouseModel small = trainer.train(Corpus.DOCUMENTS, TrainingSettings.defaults().withMaxVocabulary(20));
        assertThat(small.vocabulary().size()).isEqualTo(20);
        assertThat(small.statistics().unknownTokens()).isPositive();
        assertThat(small.statistics().distinctWords()).isGreaterThan(20);
    }

    @Test
    void counts_shape_the_distribution() {
        Vocabulary vocabulary = Fixtures.MODEL.vocabulary();
        int captain = vocabulary.tokens().indexOf("captain");
        int of = vocabulary.tokens().indexOf("of");
        int the = vocabulary.tokens().indexOf("the");
        // "captain of the watch" is in the corpus three times: "of" must be the likeliest word after "the captain".
        double[] probabilities = Fixtures.MODEL.nextTokenProbabilities(captain, the, 1f);
        assertThat(argmax(probabilities)).isEqualTo(of);
        assertThat(Arrays.stream(probabilities).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(probabilities[Vocabulary.BEAT_START_ID]).isZero();
    }

    @Test
    void every_bigram_history_gives_a_distribution() {
        int size = Fixtures.MODEL.vocabulary().size();
        for (int history = 0; history < size; history++) {
            double sum = 0;
            for (int next = 0; next < size; next++) {
                sum += Math.exp(Fixtures.MODEL.bigramLogProbabilities()[history * size + next]);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void the_skip_term_only_moves_words_the_context_two_back_predicts() {
        int size = Fixtures.MODEL.vocabulary().size();
        float[] ratios = Fixtures.MODEL.skipLogRatios();
        // </s> is never two tokens before anything: its row must leave the bigram untouched.
        for (int next = 0; next < size; next++) {
            assertThat(ratios[Vocabulary.BEAT_END_ID * size + next]).isCloseTo(0f, within(1e-5f));
        }
        // "captain ? the" never occurs, "captain of the" does three times: "the" is raised after "captain".
        int captain = Fixtures.MODEL.vocabulary().tokens().indexOf("captain");
        int the = Fixtures.MODEL.vocabulary().tokens().indexOf("the");
        assertThat(ratios[captain * size + the]).isPositive();
    }

    @Test
    void training_is_deterministic_and_needs_words() {
        TrainedHouseModel again = trainer.train(Corpus.DOCUMENTS, TrainingSettings.defaults());
        assertThat(again.vocabulary()).isEqualTo(Fixtures.MODEL.vocabulary());
        assertThat(again.bigramLogProbabilities()).containsExactly(Fixtures.MODEL.bigramLogProbabilities());
        assertThatThrownBy(() -> trainer.train(List.of(" ", ""), TrainingSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
