package io.storyteller.command.housemodel.training;

import io.storyteller.command.background.ClosingGate;
import io.storyteller.command.housemodel.corpus.WorldCorpus;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.HouseModelVersion;
import io.storyteller.domain.world.RecordHouseModelVersion;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic training's house model versions: trained from a corpus and stored as the key's
 * next version by {@link HouseModelVersionTrainer} and, for a world, recorded on the World
 * aggregate as {@link RecordHouseModelVersion}. The platform model belongs to no world and is only stored.
 * <p>
 * If the world refuses the record (e.g. it was archived meanwhile), the stored files stay: the
 * version is still servable, and the next record only has to be newer.
 */
public final class HouseModelPublisher {

    private static final Logger log = LoggerFactory.getLogger(HouseModelPublisher.class);
    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(30);

    private final HouseModelVersionTrainer versions;
    private final CommandGateway commands;
    private final TrainingSettings settings;
    private final ClosingGate storing = new ClosingGate();

    public HouseModelPublisher(HouseModelTrainer trainer, HouseModelStore store, CommandGateway commands,
            TrainingSettings settings) {
        this.versions = new HouseModelVersionTrainer(trainer, store);
        this.commands = commands;
        this.settings = settings;
    }

    /** Trains, stores and records the world's next version. */
    public HouseModelMetadata publishWorld(WorldCorpus corpus) {
        HouseModelMetadata metadata = trainAndStore(ModelKeys.forWorld(corpus.key()), corpus);
        record(corpus.key(), metadata);
        return metadata;
    }

    /** Trains and stores the platform model's next version. */
    public HouseModelMetadata publishPlatform(WorldCorpus corpus) {
        return trainAndStore(ModelKeys.PLATFORM, corpus);
    }

    private HouseModelMetadata trainAndStore(String modelKey, WorldCorpus corpus) {
        HouseModelVersionTrainer.Trained trained = versions.train(corpus.documents(), settings);
        return storing.write("the house model " + modelKey + " just trained",
                () -> versions.store(modelKey, trained, corpus.range()));
    }

    /**
     * Stores no version from now on; returns once a version being stored is in place. A training
     * still running when the application stops ends on its own, and its version is dropped.
     */
    public void close() {
        storing.close();
    }

    private void record(String worldId, HouseModelMetadata metadata) {
        HouseModelVersion version = new HouseModelVersion(metadata.modelKey(), metadata.version(), metadata.sha256(),
                metadata.corpusRange().fromEventIndex(), metadata.corpusRange().toEventIndex(), metadata.documents(),
                metadata.tokens(), metadata.vocabularySize(), metadata.trainedAt());
        try {
            commands.send(new RecordHouseModelVersion(worldId, version, Actor.system()))
                    .get(RECORD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            log.warn("World {} did not record house model {}; its files stay in the store: {}",
                    worldId, metadata.modelName(), cause == null ? e.toString() : cause.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while recording house model {} for world {}", metadata.modelName(), worldId);
        }
    }
}
