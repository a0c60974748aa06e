package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.background.ClosingGate;
import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic training's house classifier versions: trained and stored by
 * {@link ClassifierVersionTrainer} from the labelled set plus what the event log adds, then entered
 * in the model registry as {@code house-classifier:<key>} version {@code "<N>"}, a CLASSIFIER the
 * guardrail, detector or reviewer slot can serve. Registering is idempotent, so a version stored before a crash is entered on the next try.
 */
public final class ClassifierPublisher {

    public static final String GUARDRAIL = "guardrail";
    public static final String DETECTOR = "detector";
    static final String DISCOVERED_BY = "house-classifier-training";

    private static final Logger log = LoggerFactory.getLogger(ClassifierPublisher.class);

    private final ClassifierStore store;
    private final ClassifierRegistration registry;
    private final ClassifierVersionTrainer versions;
    private final ClosingGate storing = new ClosingGate();

    public ClassifierPublisher(ClassifierStore store, ClassifierRegistration registry, TrainingOptions options) {
        this.store = store;
        this.registry = registry;
        this.versions = new ClassifierVersionTrainer(store, options);
    }

    public ClassifierMetadata publishGuardrail(List<LabelledText> flags, CorpusRange range) {
        return storeAndRegister(versions.guardrail(flags, "flags"), range);
    }

    public ClassifierMetadata publishDetector(List<LabelledText> logged, CorpusRange range) {
        return storeAndRegister(versions.detector(logged, "event log"), range);
    }

    public ClassifierMetadata publishReviewer(List<LabelledText> ratings, CorpusRange range) {
        return storeAndRegister(versions.reviewer(ratings, "ratings"), range);
    }

    private ClassifierMetadata storeAndRegister(ClassifierVersionTrainer.Trained trained, CorpusRange range) {
        ClassifierMetadata metadata = storing.write("the " + trained.modelKey() + " just trained",
                () -> versions.store(trained, range));
        register(metadata);
        return metadata;
    }

    /**
     * Stores no version from now on; returns once a version being stored is in place. A training
     * cannot be interrupted, so one still running when the application stops ends on its own, and
     * its version is dropped instead of being written into a data directory that may be going away.
     */
    public void close() {
        storing.close();
    }

    /** Enters the version in the registry (and the model, the first time). */
    public void register(ClassifierMetadata metadata) {
        String modelId = ClassifierMetadata.modelId(metadata.modelKey());
        int version = metadata.version();
        ModelRef previous = version > 1 ? new ModelRef(modelId, String.valueOf(version - 1)) : null;
        AddModelVersion added = new AddModelVersion(modelId, String.valueOf(version),
                new ModelArtifact(ClassifierStore.uri(metadata.modelKey(), version), metadata.sha256(),
                        store.modelSize(metadata.modelKey(), version)),
                previous, metadata.trainedOn() + "; events " + metadata.corpusRange().fromEventIndex() + ".."
                        + metadata.corpusRange().toEventIndex(), Actor.system());
        registry.register(new RegisterModel(modelId, spec(metadata.modelKey()), ModelSource.HOUSE_TRAINED, DISCOVERED_BY,
                        Actor.system()), added)
                .ifPresent(reason -> log.warn("The registry refused {} version {}: {}", modelId, version, reason));
    }

    /** Provider {@code house-classifier}, as the model id reads: {@code <provider>:<model>}. */
    static ModelSpec spec(String key) {
        return new ModelSpec(ClassifierMetadata.PROVIDER, key, ModelKind.CLASSIFIER, List.of(key), 8192, TokenPrice.zero(),
                "project");
    }
}
