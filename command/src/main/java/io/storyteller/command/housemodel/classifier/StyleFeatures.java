package io.storyteller.command.housemodel.classifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Binned style features of a text: how long it is, how long its words and sentences are, how it
 * punctuates and capitalises, how often it repeats itself. Bins rather than raw numbers, so they
 * hash into the same space as the n-grams and a linear model can weigh each range on its own.
 */
final class StyleFeatures {

    private StyleFeatures() {
    }

    static List<String> of(String text, List<String> words) {
        List<String> features = new ArrayList<>();
        int letters = 0;
        int wordCount = 0;
        int punctuation = 0;
        for (String word : words) {
            if (Character.isLetterOrDigit(word.charAt(0))) {
                wordCount++;
                letters += word.length();
            } else {
                punctuation++;
            }
        }
        features.add("words=" + bin(wordCount, 3, 6, 12, 24, 48));
        if (wordCount == 0) {
            return features;
        }
        features.add("word-length=" + bin(Math.round(10.0 * letters / wordCount), 35, 40, 45, 50, 55));
        features.add("punctuation-per-10-words=" + bin(Math.round(10.0 * punctuation / wordCount), 0, 1, 2, 3));
        long sentences = Math.max(1, text.chars().filter(c -> c == '.' || c == '!' || c == '?').count());
        features.add("words-per-sentence=" + bin(wordCount / sentences, 6, 10, 15, 20, 30));
        features.add("distinct-word-share=" + bin(Math.round(10.0 * new HashSet<>(words).size() / words.size()), 5, 6, 7, 8, 9));
        String stripped = text.strip();
        if (!stripped.isEmpty()) {
            features.add(Character.isUpperCase(stripped.charAt(0)) ? "starts-upper" : "starts-lower");
            char last = stripped.charAt(stripped.length() - 1);
            features.add(last == '.' || last == '"' || last == '”' ? "ends-sentence" : "ends-open");
        }
        if (text.contains(" .") || text.contains(" ,")) {
            features.add("space-before-punctuation");
        }
        if (text.contains("—") || text.contains(" - ")) {
            features.add("dash");
        }
        if (text.matches("(?s).*\\bi\\b.*")) {
            features.add("lower-case-i");
        }
        if (text.contains("!!") || text.contains("??") || text.contains("...")) {
            features.add("repeated-marks");
        }
        return features;
    }

    /** The index of the first bound the value does not exceed, or the number of bounds. */
    private static int bin(long value, int... bounds) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                return i;
            }
        }
        return bounds.length;
    }
}
