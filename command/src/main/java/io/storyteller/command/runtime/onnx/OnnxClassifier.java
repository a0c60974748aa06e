package io.storyteller.command.runtime.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A downloaded sequence classifier run in-process (a {@code …ForSequenceClassification} export):
 * the graph's {@code logits} [1, labels] for a text become probabilities by label, named by
 * {@code config.json}'s {@code id2label}: a softmax, or one sigmoid per label when the config's
 * {@code problem_type} is {@code multi_label_classification}. Thread-safe.
 */
public final class OnnxClassifier implements AutoCloseable {

    static final String LOGITS = "logits";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final List<String> labels;
    private final boolean multiLabel;
    private final String name;

    private OnnxClassifier(OnnxModelDirectory directory) throws OrtException {
        this.environment = OnnxSessions.environment();
        this.session = OnnxSessions.open(environment, directory.model());
        this.name = directory.name();
        try {
            EncoderInputs.requireInputs(session, name);
            if (!session.getOutputNames().contains(LOGITS)
                    || OnnxSessions.shape(session.getOutputInfo().get(LOGITS)).length != 2) {
                throw new IllegalArgumentException(name + " is no sequence classifier: it has no logits output of "
                        + "shape [batch, labels]");
            }
            this.labels = labels(directory.config());
        } catch (RuntimeException | OrtException e) {
            session.close();
            throw e;
        }
        this.multiLabel = "multi_label_classification".equals(directory.config().path("problem_type").asText());
        this.tokenizer = OnnxSessions.tokenizer(directory.tokenizer(), directory.integer("max_position_embeddings").orElse(512));
    }

    /** @throws IllegalArgumentException when the directory holds no sequence classifier */
    public static OnnxClassifier load(OnnxModelDirectory directory) {
        try {
            return new OnnxClassifier(directory);
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load " + directory.name() + " as a classifier: " + e.getMessage(), e);
        }
    }

    /** Labels by id; a config without {@code id2label} leaves them unnamed ({@code LABEL_<id>}, as transformers names them). */
    private static List<String> labels(JsonNode config) {
        JsonNode names = config.path("id2label");
        List<String> labels = new ArrayList<>(Collections.nCopies(names.size(), (String) null));
        names.properties().forEach(entry -> {
            int id = Integer.parseInt(entry.getKey());
            if (id < 0 || id >= labels.size()) {
                throw new IllegalArgumentException("config.json id2label ids must run 0.." + (labels.size() - 1));
            }
            labels.set(id, entry.getValue().asText());
        });
        return labels;
    }

    public String name() {
        return name;
    }

    public List<String> labels() {
        return List.copyOf(labels);
    }

    /** Probability of each label, in label-id order. */
    public Map<String, Double> classify(String text) {
        Encoding encoding = tokenizer.encode(text);
        float[] logits;
        try (OrtSession.Result result = EncoderInputs.run(environment, session, encoding)) {
            logits = ((float[][]) result.get(LOGITS).orElseThrow().getValue())[0];
        } catch (OrtException e) {
            throw new IllegalStateException(name + " failed to classify", e);
        }
        double[] probabilities = multiLabel ? sigmoids(logits) : softmax(logits);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < probabilities.length; i++) {
            String label = i < labels.size() && labels.get(i) != null ? labels.get(i) : "LABEL_" + i;
            scores.put(label, probabilities[i]);
        }
        return scores;
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double[] exp = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            exp[i] = Math.exp(logits[i] - max);
            sum += exp[i];
        }
        for (int i = 0; i < exp.length; i++) {
            exp[i] /= sum;
        }
        return exp;
    }

    private static double[] sigmoids(float[] logits) {
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = 1 / (1 + Math.exp(-logits[i]));
        }
        return out;
    }

    @Override
    public void close() {
        OnnxSessions.close(session, tokenizer, name);
    }
}
