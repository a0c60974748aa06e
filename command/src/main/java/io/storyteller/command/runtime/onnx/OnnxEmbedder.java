package io.storyteller.command.runtime.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.List;
import java.util.Optional;

/**
 * A downloaded sentence embedding model run in-process: the repository's graph and tokenizer. A
 * text's vector is the graph's {@code sentence_embedding} when it has one, else its
 * {@code last_hidden_state} pooled over the attention mask: the mean of the token vectors, or the
 * first ({@code [CLS]}) token's when the sentence-transformers pooling config says so. Always scaled
 * to length 1, so cosine similarity is a dot product. Thread-safe.
 */
public final class OnnxEmbedder implements AutoCloseable {

    static final String SENTENCE_EMBEDDING = "sentence_embedding";
    static final String LAST_HIDDEN_STATE = "last_hidden_state";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean clsPooling;
    private final String name;

    private OnnxEmbedder(OnnxModelDirectory directory) throws OrtException {
        this.environment = OnnxSessions.environment();
        this.session = OnnxSessions.open(environment, directory.model());
        this.name = directory.name();
        try {
            EncoderInputs.requireInputs(session, name);
            if (!session.getOutputNames().contains(SENTENCE_EMBEDDING) && !session.getOutputNames().contains(LAST_HIDDEN_STATE)) {
                throw new IllegalArgumentException(name + " is no embedder: it has neither a sentence_embedding nor a "
                        + "last_hidden_state output (it has " + session.getOutputNames() + ")");
            }
        } catch (RuntimeException | OrtException e) {
            session.close();
            throw e;
        }
        this.clsPooling = directory.pooling().path("pooling_mode_cls_token").asBoolean(false);
        int context = directory.integer("max_position_embeddings").orElse(512);
        this.tokenizer = OnnxSessions.tokenizer(directory.tokenizer(), context);
    }

    /** @throws IllegalArgumentException when the directory holds no embedding graph */
    public static OnnxEmbedder load(OnnxModelDirectory directory) {
        try {
            return new OnnxEmbedder(directory);
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load " + directory.name() + " as an embedder: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** One unit vector per text, in order. */
    public List<float[]> embed(List<String> texts) {
        return texts.size() == 1 ? List.of(embed(texts.getFirst())) : texts.parallelStream().map(this::embed).toList();
    }

    public float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text);
        try (OrtSession.Result result = EncoderInputs.run(environment, session, encoding)) {
            Optional<OnnxValue> sentence = result.get(SENTENCE_EMBEDDING);
            if (sentence.isPresent()) {
                return unit(((float[][]) sentence.get().getValue())[0]);
            }
            float[][] tokens = ((float[][][]) result.get(LAST_HIDDEN_STATE).orElseThrow().getValue())[0];
            return unit(clsPooling ? tokens[0].clone() : mean(tokens, encoding.getAttentionMask()));
        } catch (OrtException e) {
            throw new IllegalStateException(name + " failed to embed", e);
        }
    }

    private static float[] mean(float[][] tokens, long[] mask) {
        float[] sum = new float[tokens[0].length];
        int counted = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            counted++;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(counted, 1);
        }
        return sum;
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm == 0) {
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
        return vector;
    }

    @Override
    public void close() {
        OnnxSessions.close(session, tokenizer, name);
    }
}
