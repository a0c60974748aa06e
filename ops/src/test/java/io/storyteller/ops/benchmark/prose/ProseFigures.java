package io.storyteller.ops.benchmark.prose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The figures of a set of beats: word n-gram diversity and repetition between consecutive beats. */
final class ProseFigures {

    private ProseFigures() {
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

    /** Distinct n-grams over all n-grams of all beats (n-grams do not cross beats). */
    static double distinct(List<String> beats, int n) {
        Set<String> distinct = new HashSet<>();
        int all = 0;
        for (String beat : beats) {
            List<String> grams = ngrams(words(beat), n);
            all += grams.size();
            distinct.addAll(grams);
        }
        return all == 0 ? 0 : distinct.size() / (double) all;
    }

    /** The share of a beat's trigrams that the beat before it already held. */
    static double repeatedTrigramShare(String previous, String beat) {
        Set<String> before = new HashSet<>(ngrams(words(previous), 3));
        List<String> now = ngrams(words(beat), 3);
        return now.isEmpty() ? 0 : now.stream().filter(before::contains).count() / (double) now.size();
    }

    /** Whether the beat mentions the subject: "you" for the player, else the actor's name. */
    static boolean mentions(String beat, String subject) {
        return Pattern.compile("(?i)(?<![\\p{L}])" + Pattern.quote(subject) + "(?![\\p{L}])").matcher(beat).find();
    }

    private static List<String> ngrams(List<String> words, int n) {
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + n <= words.size(); i++) {
            grams.add(String.join(" ", words.subList(i, i + n)));
        }
        return grams;
    }
}
