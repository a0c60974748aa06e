package io.storyteller.command.housemodel.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a text into hashed n-gram features: lower-cased word unigrams and bigrams (punctuation marks
 * count as words, since how a text punctuates says much about who wrote it), character n-grams of
 * each word padded by spaces, and caller-given tags (e.g. the text's source). Counts are damped
 * ({@code 1 + ln n}) and the vector is scaled to unit length, so long and short texts compare.
 * The one featuriser training and inference share; deterministic across JVMs (FNV-1a hashing).
 */
public final class NgramFeatures {

    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N}'’]*|\\p{N}+|[^\\s\\p{L}\\p{N}]");
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final FeatureSettings settings;

    public NgramFeatures(FeatureSettings settings) {
        this.settings = settings;
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** Bucket → value, ascending by bucket; unit length unless the text and tags are empty. */
    public Map<Integer, Double> features(String text, List<String> tags) {
        Map<Integer, Double> counts = new TreeMap<>();
        List<String> words = words(text == null ? "" : text);
        String previous = "<s>";
        for (String word : words) {
            count(counts, "w|" + word);
            count(counts, "b|" + previous + " " + word);
            previous = word;
            if (Character.isLetter(word.charAt(0))) {
                String padded = " " + word + " ";
                for (int n = settings.charMin(); n <= settings.charMax(); n++) {
                    for (int start = 0; start + n <= padded.length(); start++) {
                        count(counts, "c|" + padded.substring(start, start + n));
                    }
                }
            }
        }
        if (!words.isEmpty()) {
            count(counts, "b|" + previous + " </s>");
        }
        for (String tag : tags) {
            count(counts, "t|" + tag);
        }
        if (settings.style()) {
            StyleFeatures.of(text == null ? "" : text, words).forEach(feature -> count(counts, "s|" + feature));
        }
        double norm = 0;
        for (Map.Entry<Integer, Double> entry : counts.entrySet()) {
            double damped = 1 + Math.log(entry.getValue());
            entry.setValue(damped);
            norm += damped * damped;
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        counts.replaceAll((bucket, value) -> value * scale);
        return counts;
    }

    /** The feature name Tribuo knows a bucket by; its string order is the model's column order. */
    public static String name(int bucket) {
        return "h" + bucket;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private void count(Map<Integer, Double> counts, String gram) {
        counts.merge(bucket(gram), 1.0, Double::sum);
    }

    int bucket(String gram) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < gram.length(); i++) {
            char c = gram.charAt(i);
            hash = (hash ^ (c & 0xff)) * FNV_PRIME;
            hash = (hash ^ (c >>> 8)) * FNV_PRIME;
        }
        return (int) Long.remainderUnsigned(hash, settings.buckets());
    }
}
