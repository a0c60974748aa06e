package io.storyteller.command.housemodel.serving;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.storyteller.command.housemodel.text.Detokenizer;
import io.storyteller.command.housemodel.text.Vocabulary;
import io.storyteller.command.housemodel.text.WordTokenizer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * One loaded house model version: an ONNX Runtime session over the exported graph plus its
 * tokenizer. Thread-safe: any number of generations may run at once on the one session.
 * Obtain it from the house model store, which checks the files first; close it to free the native session.
 */
public final class HouseModelRuntime implements AutoCloseable {

    /** A beat may not end before this many tokens, so a narration is never empty. */
    static final int MIN_TOKENS = 12;
    static final int MAX_REMEMBERED_SCORES = 200_000;
    static final int MAX_REMEMBERED_ENCODINGS = 20_000;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordTokenizer tokenizer;
    private final String modelName;
    // Generations share the native session; closing must wait until none is using it.
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    // The prose narrator scores the same sentences beat after beat: remembering log p(next | context)
    // spares the graph most runs. Cleared when full; a narrow key, so about 80 bytes an entry.
    private final Map<Long, Float> tokenScores = new ConcurrentHashMap<>();
    private final Map<String, long[]> encodings = new ConcurrentHashMap<>();

    /** @param modelName the version's name as chat clients see it: {@code house:<modelKey>:v<N>} */
    public HouseModelRuntime(byte[] onnxModel, WordTokenizer tokenizer, String modelName) throws OrtException {
        this.environment = OrtEnvironment.getEnvironment();
        environment.setTelemetry(false);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // The graph is two gathers and a softmax: thread pools would only cost start-up and contention.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = environment.createSession(onnxModel, options);
        }
        this.tokenizer = tokenizer;
        this.modelName = modelName;
    }

    public String modelName() {
        return modelName;
    }

    public Vocabulary vocabulary() {
        return tokenizer.vocabulary();
    }

    /**
     * Continues the prompt tail (e.g. the player's last action) with a sampled narration.
     * The model conditions on the last two in-vocabulary tokens of the tail only.
     *
     * @param onToken receives each piece of text as it is sampled; the pieces concatenate to the result's text
     */
    public GenerationResult generate(String promptTail, GenerationSettings settings, Consumer<String> onToken) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(modelName + " is closed");
            }
            return sample(promptTail == null ? "" : promptTail, settings, onToken);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed in " + modelName, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private static long bigramKey(int prev2, int prev1) {
        return ((long) prev2 << 32) | (prev1 & 0xffffffffL);
    }

    private GenerationResult sample(String promptTail, GenerationSettings settings, Consumer<String> onToken)
            throws OrtException {
        long[] prompt = tokenizer.encode(promptTail);
        List<Integer> known = new ArrayList<>();
        for (long id : prompt) {
            if (!Vocabulary.isSpecial((int) id)) {
                known.add((int) id);
            }
        }
        int prev1 = known.isEmpty() ? Vocabulary.BEAT_START_ID : known.getLast();
        int prev2 = known.size() < 2 ? Vocabulary.BEAT_START_ID : known.get(known.size() - 2);

        boolean greedy = settings.temperature() <= 0;
        float temperature = greedy ? 1f : (float) settings.temperature();
        double topP = greedy ? Double.MIN_VALUE : settings.topP();
        SplittableRandom random = settings.seed() == null ? new SplittableRandom() : new SplittableRandom(settings.seed());
        int minTokens = Math.min(MIN_TOKENS, settings.maxTokens());
        int softLimit = Math.max(minTokens, settings.maxTokens() * 3 / 4);
        Vocabulary vocabulary = tokenizer.vocabulary();
        boolean[] allowed = new boolean[vocabulary.size()];
        Arrays.fill(allowed, Vocabulary.SPECIALS.size(), allowed.length, true);

        Detokenizer detokenizer = new Detokenizer();
        StringBuilder text = new StringBuilder();
        // A bigram model on a small corpus falls into loops ("the keepers say ... the keepers say ...");
        // like no_repeat_ngram_size = 3, a token may not complete a trigram this beat already holds.
        Map<Long, Set<Integer>> trigramEnds = new HashMap<>();
        int generated = 0;
        while (generated < settings.maxTokens()) {
            allowed[Vocabulary.BEAT_END_ID] = generated >= minTokens;
            // With two tokens of context a small corpus backs off to frequent words often enough to
            // stutter ("the the", ". ."); a token never directly repeating itself removes that.
            boolean repeatable = allowed[prev1];
            allowed[prev1] = false;
            Set<Integer> blocked = trigramEnds.getOrDefault(bigramKey(prev2, prev1), Set.of());
            blocked.forEach(id -> allowed[id] = false);
            float[] probabilities = nextTokenProbabilities(prev1, prev2, temperature);
            int next = NucleusSampler.sample(probabilities, allowed, topP, random);
            if (next < 0) {
                // A very low temperature can underflow every allowed token to 0: draw at temperature 1.
                next = NucleusSampler.sample(nextTokenProbabilities(prev1, prev2, 1f), allowed, topP, random);
            }
            blocked.forEach(id -> allowed[id] = id >= Vocabulary.SPECIALS.size());
            if (next < 0 && !blocked.isEmpty()) {
                // Every continuation repeats a trigram: repeating beats stopping mid-sentence.
                next = NucleusSampler.sample(probabilities, allowed, topP, random);
            }
            allowed[prev1] = repeatable;
            if (next >= 0) {
                trigramEnds.computeIfAbsent(bigramKey(prev2, prev1), k -> new HashSet<>()).add(next);
            }
            if (next < 0 || next == Vocabulary.BEAT_END_ID) {
                return new GenerationResult(text.toString(), prompt.length, generated, GenerationResult.STOP);
            }
            String token = vocabulary.token(next);
            String piece = detokenizer.append(token);
            text.append(piece);
            generated++;
            onToken.accept(piece);
            if (generated >= softLimit && generated < settings.maxTokens() && Detokenizer.endsSentence(token)) {
                return new GenerationResult(text.toString(), prompt.length, generated, GenerationResult.STOP);
            }
            prev2 = prev1;
            prev1 = next;
        }
        return new GenerationResult(text.toString(), prompt.length, generated, GenerationResult.LENGTH);
    }

    /** The text's token ids, unknown words as {@link Vocabulary#UNKNOWN_ID}. */
    public long[] encode(String text) {
        return tokenizer.encode(text == null ? "" : text);
    }

    /**
     * The next-token distribution at temperature 1 after {@code prev2 prev1}, as the graph computes
     * it: what scoring a sentence reads, one token at a time.
     */
    public float[] distribution(int prev2, int prev1) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(modelName + " is closed");
            }
            return nextTokenProbabilities(prev1, prev2, 1f);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed in " + modelName, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** {@link #encode}, remembered: the narrator's candidate sentences recur from beat to beat. */
    long[] encodeRemembered(String sentence) {
        if (encodings.size() > MAX_REMEMBERED_ENCODINGS) {
            encodings.clear();
        }
        return encodings.computeIfAbsent(sentence, this::encode);
    }

    /** Remembered log-probabilities by {@link #scoreKey}; see {@link HouseSentenceScorer}. */
    Map<Long, Float> tokenScores() {
        if (tokenScores.size() > MAX_REMEMBERED_SCORES) {
            tokenScores.clear();
        }
        return tokenScores;
    }

    /** One key for a token after its two-token context: 21 bits per id (vocabularies stay far below 2M). */
    static long scoreKey(int prev2, int prev1, int next) {
        return ((long) prev2 << 42) | ((long) prev1 << 21) | next;
    }

    /** The exported graph's output for one context: probabilities over the vocabulary. */
    public float[] nextTokenProbabilities(int prev1, int prev2, float temperature) throws OrtException {
        try (OnnxTensor first = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {prev1}), new long[] {1});
             OnnxTensor second = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {prev2}), new long[] {1});
             OnnxTensor heat = OnnxTensor.createTensor(environment, FloatBuffer.wrap(new float[] {temperature}), new long[] {1});
             OrtSession.Result result = session.run(Map.of(
                     HouseModelGraph.PREV1, first,
                     HouseModelGraph.PREV2, second,
                     HouseModelGraph.TEMPERATURE, heat))) {
            return ((float[][]) result.get(0).getValue())[0];
        }
    }

    /** Whether {@link #close} has run; a closed runtime refuses to generate. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                try {
                    session.close();
                } catch (OrtException e) {
                    throw new IllegalStateException("cannot close " + modelName, e);
                } finally {
                    tokenizer.close();
                }
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
