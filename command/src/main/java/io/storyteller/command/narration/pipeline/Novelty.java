package io.storyteller.command.narration.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How little a candidate repeats: half of it is the share of its word trigrams that none of the
 * recent narrations used (repetition across turns), half the share of its bigrams that are distinct
 * (repetition within the beat, distinct-2). 1 is entirely fresh. Pure.
 */
public final class Novelty {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
    /** Narrations whose trigrams are kept: the recent window of the stories in play. */
    static final int NARRATIONS_KEPT = 20_000;
    private static final Cache<String, Set<String>> KEPT_TRIGRAMS = Caffeine.newBuilder()
            .maximumSize(NARRATIONS_KEPT).build();

    private Novelty() {
    }

    public static double score(String candidate, List<String> recentNarrations) {
        List<String> words = words(candidate);
        if (words.size() < 3) {
            return words.isEmpty() ? 0 : 1;
        }
        List<Set<String>> seen = recentNarrations.stream().map(Novelty::keptTrigrams).toList();
        List<String> trigrams = ngrams(words, 3);
        long fresh = trigrams.stream().filter(t -> seen.stream().noneMatch(recent -> recent.contains(t))).count();
        List<String> bigrams = ngrams(words, 2);
        double distinct2 = (double) new HashSet<>(bigrams).size() / bigrams.size();
        return 0.5 * fresh / trigrams.size() + 0.5 * distinct2;
    }

    /**
     * A recent narration's trigrams, read once and kept: a narration stays among the recent ones for
     * many turns, and every candidate of each is scored against it.
     */
    private static Set<String> keptTrigrams(String narration) {
        return KEPT_TRIGRAMS.get(narration, text -> Set.copyOf(ngrams(words(text), 3)));
    }

    /** The share of the text's distinct n-grams among all its n-grams (distinct-n). */
    public static double distinct(String text, int n) {
        List<String> grams = ngrams(words(text), n);
        return grams.isEmpty() ? 0 : (double) new HashSet<>(grams).size() / grams.size();
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    static List<String> ngrams(List<String> words, int n) {
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + n <= words.size(); i++) {
            grams.add(String.join(" ", words.subList(i, i + n)));
        }
        return grams;
    }
}
