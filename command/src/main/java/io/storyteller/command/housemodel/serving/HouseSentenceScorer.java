package io.storyteller.command.housemodel.serving;

import io.storyteller.command.housemodel.prose.SentenceScorer;
import io.storyteller.command.housemodel.text.Vocabulary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A loaded house model version scoring sentences for the prose narrator: each token's probability
 * comes from the exported graph run by ONNX Runtime on the two tokens before it. Options of one
 * sentence share their context, so distributions are kept for the beat, and each token's score is
 * remembered by the runtime for later beats. One instance per beat.
 */
final class HouseSentenceScorer implements SentenceScorer {

    /** The floor of a token's probability, so an unseen word costs much but not infinitely. */
    static final double FLOOR = 1e-6;

    private final HouseModelRuntime runtime;
    private final Map<Long, float[]> distributions = new HashMap<>();
    private final Set<String> words;
    // Every option of one sentence follows the same text: encoded once.
    private String encodedBefore;
    private long[] beforeIds;

    HouseSentenceScorer(HouseModelRuntime runtime) {
        this.runtime = runtime;
        this.words = new HashSet<>(runtime.vocabulary().tokens());
    }

    @Override
    public double meanLogProbability(String before, String sentence) {
        if (!before.equals(encodedBefore)) {
            encodedBefore = before;
            beforeIds = runtime.encode(before);
        }
        long[] context = beforeIds;
        int prev2 = context.length < 2 ? Vocabulary.BEAT_START_ID : (int) context[context.length - 2];
        int prev1 = context.length < 1 ? Vocabulary.BEAT_START_ID : (int) context[context.length - 1];
        long[] tokens = runtime.encodeRemembered(sentence);
        if (tokens.length == 0) {
            return 0;
        }
        Map<Long, Float> remembered = runtime.tokenScores();
        double sum = 0;
        for (long id : tokens) {
            int token = (int) id;
            long key = HouseModelRuntime.scoreKey(prev2, prev1, token);
            Float score = remembered.get(key);
            if (score == null) {
                score = (float) Math.log(Math.max(FLOOR, distribution(prev2, prev1)[token]));
                remembered.put(key, score);
            }
            sum += score;
            prev2 = prev1;
            prev1 = token;
        }
        return sum / tokens.length;
    }

    @Override
    public boolean knows(String word) {
        return words.contains(word);
    }

    private float[] distribution(int prev2, int prev1) {
        return distributions.computeIfAbsent(((long) prev2 << 32) | (prev1 & 0xffffffffL),
                key -> runtime.distribution(prev2, prev1));
    }
}
