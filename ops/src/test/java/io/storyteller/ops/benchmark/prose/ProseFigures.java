package io.storyteller.ops.benchmark.prose;

import io.storyteller.domain.story.CandidateScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/** The figures of a set of beats: word n-gram diversity, repetition between consecutive beats, the pipeline's verdicts. */
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

    /**
     * Table rows of the pipeline's verdicts on the beats: the house detector's score (mean, p50,
     * share above 0.9), the review's coherence, novelty and total (means), and the guardrail's.
     */
    static List<String> reviewRows(List<CandidateScores> scores) {
        double[] detector = scores.stream().mapToDouble(CandidateScores::detector).sorted().toArray();
        long machine = Arrays.stream(detector).filter(d -> d > 0.9).count();
        long allowed = scores.stream().filter(s -> s.guardrail().allowed()).count();
        long contradicting = scores.stream().filter(s -> !s.contradictions().isEmpty()).count();
        return List.of(
                String.format(Locale.ROOT, "| house detector score (0 human-like .. 1 machine-like): mean / p50 | %.3f / %.3f |",
                        Arrays.stream(detector).average().orElse(0), detector[(detector.length - 1) / 2]),
                String.format(Locale.ROOT, "| beats the house detector scores above 0.9 | %d / %d (%.1f %%) |",
                        machine, detector.length, 100.0 * machine / detector.length),
                String.format(Locale.ROOT, "| review (CandidateJudge), mean: coherence / novelty / total | %.3f / %.3f / %.3f |",
                        mean(scores, CandidateScores::coherence), mean(scores, CandidateScores::novelty),
                        mean(scores, CandidateScores::total)),
                String.format(Locale.ROOT, "| review, mean: lore consistency / story continuity; beats with a contradiction | %.3f / %.3f; %d |",
                        mean(scores, CandidateScores::loreConsistency), mean(scores, CandidateScores::continuity), contradicting),
                String.format(Locale.ROOT, "| contradictions the review found, by kind | %s |", scores.stream()
                        .flatMap(s -> s.contradictions().stream()).collect(Collectors.groupingBy(c -> c.kind(), TreeMap::new,
                                Collectors.counting()))),
                String.format(Locale.ROOT, "| beats the house guardrail allows at the world's rating | %d / %d |", allowed, scores.size()));
    }

    private static double mean(List<CandidateScores> scores, ToDoubleFunction<CandidateScores> score) {
        return scores.stream().mapToDouble(score).average().orElse(0);
    }

    private static List<String> ngrams(List<String> words, int n) {
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + n <= words.size(); i++) {
            grams.add(String.join(" ", words.subList(i, i + n)));
        }
        return grams;
    }
}
