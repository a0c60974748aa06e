package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a house narrator version is made: trained from documents, then stored as the key's next
 * version. Two steps, so that a caller may stop between them. It records and registers nothing:
 * {@link HouseModelPublisher} records what it stores on the world, the house training backend
 * leaves registering to the fine-tuning that asked, and a stored version serves only through a
 * deployment or a pin.
 */
public final class HouseModelVersionTrainer {

    private static final Logger log = LoggerFactory.getLogger(HouseModelVersionTrainer.class);

    /** A trained model not yet stored, and how long training took. */
    public record Trained(TrainedHouseModel model, long nanos) {
    }

    private final HouseModelTrainer trainer;
    private final HouseModelStore store;

    public HouseModelVersionTrainer(HouseModelTrainer trainer, HouseModelStore store) {
        this.trainer = trainer;
        this.store = store;
    }

    /** @throws IllegalArgumentException when no document has a word */
    public Trained train(List<String> documents, TrainingSettings settings) {
        long started = System.nanoTime();
        return new Trained(trainer.train(documents, settings), System.nanoTime() - started);
    }

    /** Stores it as the key's next version. */
    public HouseModelMetadata store(String modelKey, Trained trained, CorpusRange range) {
        long started = System.nanoTime();
        HouseModelMetadata metadata = store.save(modelKey, trained.model(), range);
        log.info("Trained house model {} on {} documents ({} tokens, vocabulary {}) in {} ms", metadata.modelName(),
                metadata.documents(), metadata.tokens(), metadata.vocabularySize(),
                (trained.nanos() + System.nanoTime() - started) / 1_000_000);
        return metadata;
    }
}
