package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.text.Vocabulary;
import io.storyteller.command.housemodel.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a house model from a world's texts by counting: a Kneser-Ney smoothed bigram and an
 * absolute-discounted skip-bigram (the word two back), combined log-linearly as
 * {@code log Pbigram(v | w1) + beta * log(Pskip(v | w2) / Punigram(v))}. Each document is
 * one beat or lore entry, read as {@code <s> words… </s>}. Deterministic for the same input.
 */
public final class HouseModelTrainer {

    /** Trains on the documents; blank documents are ignored, and at least one must have words. */
    public TrainedHouseModel train(List<String> documents, TrainingSettings settings) {
        List<List<String>> texts = new ArrayList<>();
        try (WordTokenizer splitter = WordTokenizer.of(Vocabulary.specialsOnly())) {
            for (String document : documents) {
                List<String> words = document == null ? List.of() : splitter.words(document);
                if (!words.isEmpty()) {
                    texts.add(words);
                }
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a house model needs at least one document with words");
        }
        Map<String, Long> frequencies = new HashMap<>();
        texts.forEach(words -> words.forEach(word -> frequencies.merge(word, 1L, Long::sum)));
        Vocabulary vocabulary = vocabulary(frequencies, settings.maxVocabulary());
        Map<String, Integer> ids = vocabulary.ids();

        int size = vocabulary.size();
        double[] bigrams = new double[size * size];
        double[] skips = new double[size * size];
        double[] unigrams = new double[size];
        long tokens = 0;
        long unknown = 0;
        for (List<String> words : texts) {
            int[] beat = beat(words, ids);
            for (int i = 1; i < beat.length; i++) {
                // Position -1 is read as another <s>, so the first word also has a skip context.
                int twoBack = i >= 2 ? beat[i - 2] : Vocabulary.BEAT_START_ID;
                bigrams[beat[i - 1] * size + beat[i]]++;
                skips[twoBack * size + beat[i]]++;
                unigrams[beat[i]]++;
            }
            tokens += words.size();
            for (int id : beat) {
                unknown += id == Vocabulary.UNKNOWN_ID ? 1 : 0;
            }
        }
        double[] continuation = new double[size];
        for (int i = 0; i < bigrams.length; i++) {
            continuation[i % size] += bigrams[i] > 0 ? 1 : 0;
        }
        float[] bigram = AbsoluteDiscounting.logProbabilities(bigrams, size, settings.discount(),
                AbsoluteDiscounting.smoothedBase(continuation, settings.baseSmoothing()));
        double[] unigram = AbsoluteDiscounting.smoothedBase(unigrams, settings.baseSmoothing());
        float[] skip = AbsoluteDiscounting.logProbabilities(skips, size, settings.skipDiscount(), unigram);
        // Keep only what the word two back adds beyond plain frequency: log(Pskip / Punigram).
        // Multiplying by raw Pskip would count frequency twice and crowd the text with "the" and
        // "." (left-out-document perplexity on the test corpus: 223 raw vs 123 as a ratio).
        for (int i = 0; i < skip.length; i++) {
            int next = i % size;
            skip[i] = next == Vocabulary.BEAT_START_ID ? 0f : (float) (skip[i] - Math.log(unigram[next]));
        }
        CorpusStatistics statistics = new CorpusStatistics(texts.size(), tokens, size, frequencies.size(), unknown);
        return new TrainedHouseModel(vocabulary, bigram, skip, settings, statistics);
    }

    /** Special tokens, then the most frequent words; ties broken alphabetically for determinism. */
    private static Vocabulary vocabulary(Map<String, Long> frequencies, int maxVocabulary) {
        List<String> tokens = new ArrayList<>(Vocabulary.SPECIALS);
        frequencies.entrySet().stream()
                .filter(entry -> !Vocabulary.SPECIALS.contains(entry.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxVocabulary - Vocabulary.SPECIALS.size())
                .forEach(entry -> tokens.add(entry.getKey()));
        return new Vocabulary(tokens);
    }

    private static int[] beat(List<String> words, Map<String, Integer> ids) {
        int[] beat = new int[words.size() + 2];
        beat[0] = Vocabulary.BEAT_START_ID;
        for (int i = 0; i < words.size(); i++) {
            beat[i + 1] = ids.getOrDefault(words.get(i), Vocabulary.UNKNOWN_ID);
        }
        beat[beat.length - 1] = Vocabulary.BEAT_END_ID;
        return beat;
    }
}
