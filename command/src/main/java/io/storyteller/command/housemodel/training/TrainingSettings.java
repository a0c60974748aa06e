package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.text.Vocabulary;

/**
 * How a house model is trained.
 *
 * @param maxVocabulary  most frequent words kept, special tokens included; the rest become {@code <unk>}.
 *                       The exported model holds two V×V float matrices, so 1024 gives ≈ 8 MB
 * @param discount       absolute discount D of the Kneser-Ney bigram, in (0, 1]
 * @param skipDiscount   absolute discount of the skip-bigram, in (0, 1]
 * @param baseSmoothing  pseudo-count added to every word of the lowest-order distributions, so no
 *                       vocabulary word has probability zero
 * @param skipWeight     beta: weight of log P(v | word two back) against log P(v | previous word)
 */
public record TrainingSettings(
        int maxVocabulary, double discount, double skipDiscount, double baseSmoothing, double skipWeight) {

    public TrainingSettings {
        if (maxVocabulary < Vocabulary.SPECIALS.size() + 1 || maxVocabulary > MAX_VOCABULARY) {
            throw new IllegalArgumentException("maxVocabulary must lie in [4, " + MAX_VOCABULARY + "]");
        }
        if (!(discount > 0 && discount <= 1) || !(skipDiscount > 0 && skipDiscount <= 1)) {
            throw new IllegalArgumentException("discounts must lie in (0, 1]");
        }
        if (!(baseSmoothing > 0)) {
            throw new IllegalArgumentException("baseSmoothing must be positive");
        }
        if (!(skipWeight >= 0) || Double.isInfinite(skipWeight)) {
            throw new IllegalArgumentException("skipWeight must be a finite non-negative number");
        }
    }

    /** 4096² floats twice is already a 128 MB model; a word bigram gains little from more words. */
    public static final int MAX_VOCABULARY = 4096;

    public static TrainingSettings defaults() {
        return new TrainingSettings(1024, 0.75, 0.75, 0.1, 0.5);
    }

    public TrainingSettings withMaxVocabulary(int maxVocabulary) {
        return new TrainingSettings(maxVocabulary, discount, skipDiscount, baseSmoothing, skipWeight);
    }

    public TrainingSettings withSkipWeight(double skipWeight) {
        return new TrainingSettings(maxVocabulary, discount, skipDiscount, baseSmoothing, skipWeight);
    }
}
