package io.storyteller.command.housemodel.classifier;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import java.time.Instant;
import java.util.List;

/**
 * The {@code model.json} of a stored house classifier version.
 *
 * @param modelKey    {@code guardrail}, {@code detector}
 * @param version     1, 2, … in training order
 * @param sha256      hex SHA-256 of {@code model.onnx}, checked on every load
 * @param labels      the output labels, in output order
 * @param features    input columns (distinct hashed n-grams seen in training)
 * @param examples    examples trained on
 * @param corpusRange the event-log range the examples came from (-1..-1 for none)
 * @param trainedOn   what the examples were, in words (e.g. {@code "guardrail.jsonl 444, flags 3"})
 */
public record ClassifierMetadata(String modelKey, int version, Instant trainedAt, String sha256, List<String> labels,
        int features, int examples, CorpusRange corpusRange, String trainedOn, TrainingOptions options) {

    /** The registry provider of the house classifiers. */
    public static final String PROVIDER = "house-classifier";

    /** The registry id of a classifier key: its own namespace, so it never meets a world's narrator ({@code house:<worldId>}). */
    public static String modelId(String modelKey) {
        return PROVIDER + ":" + modelKey;
    }

    /** {@code house-classifier:<key>:v<N>}, as verdicts name the model that gave them. */
    public String modelName() {
        return modelId(modelKey) + ":v" + version;
    }
}
