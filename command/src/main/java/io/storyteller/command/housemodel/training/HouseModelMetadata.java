package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import java.time.Instant;

/**
 * The {@code model.json} of a stored house model version.
 *
 * @param modelKey       the store key, usually the world key
 * @param version        1, 2, … in training order
 * @param sha256         hex SHA-256 of {@code model.onnx}, checked on every load
 * @param vocabularySize tokens in the vocabulary, special tokens included
 * @param documents      documents trained on
 * @param tokens         tokens trained on
 * @param corpusRange    the caller's description of the training corpus
 * @param settings       the training settings used
 */
public record HouseModelMetadata(
        String modelKey,
        int version,
        Instant trainedAt,
        String sha256,
        int vocabularySize,
        int documents,
        long tokens,
        CorpusRange corpusRange,
        TrainingSettings settings) {

    /** The name reported to chat clients: {@code house:<modelKey>:v<version>}. */
    public String modelName() {
        return "house:" + modelKey + ":v" + version;
    }
}
