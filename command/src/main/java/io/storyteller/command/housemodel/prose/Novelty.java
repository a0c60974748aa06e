package io.storyteller.command.housemodel.prose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a beat must not repeat: the trigrams, sentence openings and sentences of the story's recent
 * narrations and of the beat so far. A penalty in log-probability units, so it weighs against the
 * language model's score directly.
 */
final class Novelty {

    static final double SAME_SENTENCE = 8.0;
    static final double SAME_OPENING = 1.5;
    static final double PER_REPEATED_TRIGRAM_SHARE = 3.0;

    private final Set<String> trigrams = new HashSet<>();
    private final Set<String> openings = new HashSet<>();
    private final Set<String> sentences = new HashSet<>();

    Novelty(List<String> recentNarrations) {
        recentNarrations.forEach(this::remember);
    }

    void remember(String text) {
        for (String sentence : text.split("(?<=[.!?][\"”]?)\\s+")) {
            List<String> words = words(sentence);
            if (words.isEmpty()) {
                continue;
            }
            sentences.add(String.join(" ", words));
            openings.add(opening(words));
            for (int i = 0; i + 2 < words.size(); i++) {
                trigrams.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
            }
        }
    }

    double penalty(String sentence) {
        List<String> words = words(sentence);
        if (words.isEmpty()) {
            return 0;
        }
        double penalty = sentences.contains(String.join(" ", words)) ? SAME_SENTENCE : 0;
        penalty += openings.contains(opening(words)) ? SAME_OPENING : 0;
        int all = 0;
        int seen = 0;
        for (int i = 0; i + 2 < words.size(); i++) {
            all++;
            seen += trigrams.contains(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2)) ? 1 : 0;
        }
        return penalty + (all == 0 ? 0 : PER_REPEATED_TRIGRAM_SHARE * seen / all);
    }

    /** The first two words: "You carefully", "The fog". */
    private static String opening(List<String> words) {
        return words.size() < 2 ? words.getFirst() : words.get(0) + " " + words.get(1);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
