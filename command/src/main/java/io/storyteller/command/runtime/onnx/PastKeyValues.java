package io.storyteller.command.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key/value cache layout of a decoder export with past inputs (Optimum's GPT-2 / Llama style):
 * each input {@code past_key_values.<layer>.key|value} [batch, heads, past, headDim] is answered by
 * the output {@code present.<layer>.key|value} with the new positions appended. Heads and head size
 * come from the declared shape, else from {@code config.json}. A generation keeps one {@link Cache}.
 */
final class PastKeyValues {

    static final String PAST_PREFIX = "past_key_values.";
    private static final List<String> PRESENT_PREFIXES = List.of("present.", "present_key_values.");

    /** Past input name to present output name, in the graph's input order. */
    private final Map<String, String> presentOf;
    private final long heads;
    private final long headSize;

    private PastKeyValues(Map<String, String> presentOf, long heads, long headSize) {
        this.presentOf = presentOf;
        this.heads = heads;
        this.headSize = headSize;
    }

    /** The session's cache layout, or null when the graph takes no past (the full sequence is re-run then). */
    static PastKeyValues of(OrtSession session, OnnxModelDirectory directory) throws OrtException {
        Map<String, String> presentOf = new LinkedHashMap<>();
        long heads = -1;
        long headSize = -1;
        for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
            String name = input.getKey();
            if (!name.startsWith(PAST_PREFIX)) {
                continue;
            }
            TensorInfo info = (TensorInfo) input.getValue().getInfo();
            if (info.type != OnnxJavaType.FLOAT || info.getShape().length != 4) {
                throw new IllegalArgumentException(name + " must be a float32 [batch, heads, past, headDim] tensor (is "
                        + info.type + " of rank " + info.getShape().length + "): export the model in float32");
            }
            heads = info.getShape()[1];
            headSize = info.getShape()[3];
            String suffix = name.substring(PAST_PREFIX.length());
            presentOf.put(name, PRESENT_PREFIXES.stream().map(prefix -> prefix + suffix)
                    .filter(session.getOutputNames()::contains).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no matching present." + suffix + " output")));
        }
        if (presentOf.isEmpty()) {
            return null;
        }
        int attentionHeads = directory.integer("num_attention_heads", "n_head").orElse(-1);
        if (heads < 1) {
            heads = directory.integer("num_key_value_heads", "num_attention_heads", "n_head").orElseThrow(() ->
                    new IllegalArgumentException("config.json names no head count for the past key values"));
        }
        if (headSize < 1) {
            int hidden = directory.integer("hidden_size", "n_embd").orElse(-1);
            headSize = directory.integer("head_dim").orElseGet(() -> attentionHeads > 0 && hidden > 0 ? hidden / attentionHeads : -1);
            if (headSize < 1) {
                throw new IllegalArgumentException("config.json names no head size for the past key values");
            }
        }
        return new PastKeyValues(presentOf, heads, headSize);
    }

    Cache empty(OrtEnvironment environment) throws OrtException {
        return new Cache(environment);
    }

    /**
     * One generation's cache. Starts empty (zero past positions); each step's present outputs become
     * the next step's past inputs, kept alive by holding that step's result until the following one.
     */
    final class Cache implements AutoCloseable {

        private final Map<String, OnnxTensor> initial = new LinkedHashMap<>();
        private OrtSession.Result held;

        private Cache(OrtEnvironment environment) throws OrtException {
            for (String past : presentOf.keySet()) {
                initial.put(past, OnnxTensor.createTensor(environment, FloatBuffer.allocate(0),
                        new long[] {1, heads, 0, headSize}));
            }
        }

        /** Adds the past inputs for the next step. */
        void feed(Map<String, OnnxTensor> inputs) {
            for (String past : presentOf.keySet()) {
                inputs.put(past, held == null ? initial.get(past) : (OnnxTensor) held.get(presentOf.get(past)).orElseThrow());
            }
        }

        /** Keeps a step's result, whose present outputs the next step reads; frees the one before. */
        void keep(OrtSession.Result result) {
            OrtSession.Result before = held;
            held = result;
            if (before != null) {
                before.close();
            }
        }

        @Override
        public void close() {
            initial.values().forEach(OnnxValue::close);
            if (held != null) {
                held.close();
            }
        }
    }
}
