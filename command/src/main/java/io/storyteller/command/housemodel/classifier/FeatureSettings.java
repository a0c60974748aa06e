package io.storyteller.command.housemodel.classifier;

/**
 * How a text becomes features: word uni- and bigrams and character n-grams inside words, all
 * hashed into {@code buckets} columns. Stored with each model version, since inference must
 * featurise exactly as training did.
 *
 * @param buckets      hash space; collisions only cost a little accuracy, a large space costs memory
 * @param charMin      shortest character n-gram (within a word padded by spaces)
 * @param charMax      longest character n-gram
 * @param style        add binned style features (length, punctuation, casing, repetition): what
 *                     tells a player's typing or a lore note from a model's prose beyond its words
 */
public record FeatureSettings(int buckets, int charMin, int charMax, boolean style) {

    public FeatureSettings {
        if (buckets < 16 || buckets > 1 << 22) {
            throw new IllegalArgumentException("buckets must lie in [16, 4194304]");
        }
        if (charMin < 1 || charMax < charMin || charMax > 8) {
            throw new IllegalArgumentException("character n-grams need 1 <= charMin <= charMax <= 8");
        }
    }

    /** 2^17 buckets: few collisions for the few thousand n-grams a labelled set holds. */
    public static FeatureSettings defaults() {
        return new FeatureSettings(1 << 17, 3, 5, true);
    }

    public FeatureSettings withStyle(boolean style) {
        return new FeatureSettings(buckets, charMin, charMax, style);
    }
}
