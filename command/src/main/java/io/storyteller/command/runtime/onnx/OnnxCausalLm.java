package io.storyteller.command.runtime.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.storyteller.command.housemodel.serving.GenerationResult;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A downloaded decoder-only causal LM (GPT-2 / Llama style ONNX export) generating in-process: the
 * prompt is tokenised by the repository's tokenizer, each step runs the graph and samples the last
 * position's {@code logits} ({@link TokenSampler}), and the text is streamed as it becomes certain
 * ({@link StreamedText}). With {@code past_key_values.*} inputs each step feeds only the new token
 * and the cache ({@link PastKeyValues}); without, the whole sequence is re-run each step. Stops at an
 * end-of-sequence id, a stop sequence, max tokens or the model's context. Thread-safe.
 */
public final class OnnxCausalLm implements AutoCloseable {

    static final String LOGITS = "logits";
    static final String POSITION_IDS = "position_ids";
    static final String USE_CACHE_BRANCH = "use_cache_branch";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final PastKeyValues cacheLayout;
    private final Set<Long> endOfSequence;
    private final long startId;
    private final int context;
    private final String name;
    private final Set<String> inputs;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private OnnxCausalLm(OnnxModelDirectory directory) throws OrtException {
        this.environment = OnnxSessions.environment();
        this.session = OnnxSessions.open(environment, directory.model());
        this.name = directory.name();
        try {
            EncoderInputs.requireInputs(session, name);
            if (!session.getOutputNames().contains(LOGITS)
                    || OnnxSessions.shape(session.getOutputInfo().get(LOGITS)).length != 3) {
                throw new IllegalArgumentException(name + " is no causal LM: it has no logits output of shape "
                        + "[batch, sequence, vocabulary]");
            }
            this.cacheLayout = PastKeyValues.of(session, directory);
        } catch (RuntimeException | OrtException e) {
            session.close();
            throw e;
        }
        this.inputs = session.getInputNames();
        this.endOfSequence = Set.copyOf(directory.endOfSequenceIds());
        this.startId = directory.integer("bos_token_id").map(Integer::longValue)
                .orElse(endOfSequence.isEmpty() ? -1L : endOfSequence.iterator().next());
        this.context = directory.integer("max_position_embeddings", "n_positions", "n_ctx").orElse(Integer.MAX_VALUE);
        this.tokenizer = OnnxSessions.tokenizer(directory.tokenizer(), 0);
    }

    /** @throws IllegalArgumentException when the directory holds no causal LM this loop can run */
    public static OnnxCausalLm load(OnnxModelDirectory directory) {
        try {
            return new OnnxCausalLm(directory);
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load " + directory.name() + " as a causal LM: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** Whether steps feed the key/value cache (else they re-run the whole sequence). */
    public boolean usesCache() {
        return cacheLayout != null;
    }

    public int countTokens(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    /**
     * Continues the prompt.
     *
     * @param stops   texts that end the generation; the text stops before the first one
     * @param onPiece receives each piece of text as it becomes certain; the pieces concatenate to the result's text
     */
    public GenerationResult generate(String prompt, GenerationSettings settings, List<String> stops, Consumer<String> onPiece) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            return run(promptIds(prompt, settings.maxTokens()), settings, stops, onPiece);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed in " + name, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The prompt's tokens, its start cut when prompt and answer would overrun the context; never empty. */
    private long[] promptIds(String prompt, int maxTokens) {
        long[] ids = tokenizer.encode(prompt == null ? "" : prompt).getIds();
        // The answer gets its max tokens, but the prompt keeps at least half the context.
        int room = context == Integer.MAX_VALUE ? ids.length : Math.max(1, Math.max(context - maxTokens, context / 2));
        if (ids.length > room) {
            ids = Arrays.copyOfRange(ids, ids.length - room, ids.length);
        }
        if (ids.length == 0) {
            if (startId < 0) {
                throw new IllegalArgumentException(name + " cannot start from an empty prompt: config.json names no bos_token_id");
            }
            ids = new long[] {startId};
        }
        return ids;
    }

    private GenerationResult run(long[] prompt, GenerationSettings settings, List<String> stops, Consumer<String> onPiece)
            throws OrtException {
        SplittableRandom random = settings.seed() == null ? new SplittableRandom() : new SplittableRandom(settings.seed());
        StreamedText text = new StreamedText(tokenizer, stops, onPiece);
        long[] sequence = Arrays.copyOf(prompt, prompt.length + settings.maxTokens());
        int length = prompt.length;
        int fed = 0;
        int generated = 0;
        String finish = GenerationResult.LENGTH;
        try (PastKeyValues.Cache cache = cacheLayout == null ? null : cacheLayout.empty(environment)) {
            while (generated < settings.maxTokens() && length < context) {
                // With a cache only the tokens it has not seen are fed; without, everything every step.
                int from = cache == null ? 0 : fed;
                float[] logits = step(Arrays.copyOfRange(sequence, from, length), from, cache);
                fed = length;
                int next = TokenSampler.next(logits, settings.temperature(), settings.topP(), random);
                if (endOfSequence.contains((long) next)) {
                    finish = GenerationResult.STOP;
                    break;
                }
                sequence[length++] = next;
                generated++;
                if (text.add(next)) {
                    finish = GenerationResult.STOP;
                    break;
                }
            }
        }
        text.finish();
        return new GenerationResult(text.text(), prompt.length, generated, finish);
    }

    /** Runs the graph on {@code ids} (positions {@code past..}) and answers the last position's logits. */
    private float[] step(long[] ids, int past, PastKeyValues.Cache cache) throws OrtException {
        int total = past + ids.length;
        long[] positions = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            positions[i] = past + i;
        }
        long[] mask = new long[total];
        Arrays.fill(mask, 1);
        Map<String, OnnxTensor> feed = new HashMap<>();
        Map<String, OnnxTensor> owned = new HashMap<>();
        try {
            owned.put(EncoderInputs.INPUT_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), new long[] {1, ids.length}));
            if (inputs.contains(EncoderInputs.ATTENTION_MASK)) {
                owned.put(EncoderInputs.ATTENTION_MASK, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), new long[] {1, total}));
            }
            if (inputs.contains(POSITION_IDS)) {
                owned.put(POSITION_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(positions), new long[] {1, ids.length}));
            }
            if (inputs.contains(USE_CACHE_BRANCH)) {
                owned.put(USE_CACHE_BRANCH, OnnxTensor.createTensor(environment, new boolean[] {past > 0}));
            }
            feed.putAll(owned);
            if (cache != null) {
                cache.feed(feed);
            }
            OrtSession.Result result = session.run(feed);
            float[] logits = lastPosition((OnnxTensor) result.get(LOGITS).orElseThrow());
            if (cache != null) {
                cache.keep(result);
            } else {
                result.close();
            }
            return logits;
        } finally {
            owned.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] lastPosition(OnnxTensor logits) {
        long[] shape = logits.getInfo().getShape();
        int vocabulary = (int) shape[2];
        FloatBuffer all = logits.getFloatBuffer();
        float[] last = new float[vocabulary];
        all.position((int) ((shape[1] - 1) * vocabulary));
        all.get(last);
        return last;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                OnnxSessions.close(session, tokenizer, name);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
