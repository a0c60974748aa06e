package io.storyteller.command.narration.pipeline;

import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierTraining;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.runtime.ModelNames;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.OnnxClassifier;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection stage on the house detector: the version the world's {@code detector} slot names,
 * else the pinned default version (the first trained, or the one an admin pinned), never simply
 * the newest. Detection only re-ranks and regenerates, so when no detector can serve the candidate
 * goes unscored (and the log says why) rather than the turn failing.
 */
public class HouseDetectorStage implements TextDetector {

    private static final Logger log = LoggerFactory.getLogger(HouseDetectorStage.class);

    private final StageSlots slots;
    private final HouseClassifiers classifiers;
    private final HouseClassifierTraining training;
    private final LocalOnnxModels local;

    public HouseDetectorStage(StageSlots slots, HouseClassifiers classifiers, HouseClassifierTraining training) {
        this(slots, classifiers, training, LocalOnnxModels.none());
    }

    public HouseDetectorStage(StageSlots slots, HouseClassifiers classifiers, HouseClassifierTraining training,
            LocalOnnxModels local) {
        this.slots = slots;
        this.classifiers = classifiers;
        this.training = training;
        this.local = local;
    }

    @Override
    public DetectorReading read(String worldId, String text) {
        Optional<ModelRef> slot = slots.stable(UseCase.DETECTOR, worldId);
        Optional<HouseDetector> detector = slot.isPresent() ? classifiers.detector(slot.get()) : classifiers.defaultDetector();
        if (detector.isEmpty() && slot.isPresent()) {
            DetectorReading downloaded = downloaded(slot.get(), text);
            if (downloaded != null) {
                return downloaded;
            }
        }
        if (detector.isEmpty() && slot.isEmpty() && training.awaitFirstPass(HouseGuardrailStage.FIRST_TRAINING)) {
            detector = classifiers.defaultDetector();
        }
        if (detector.isEmpty()) {
            log.warn("No detector serves world {} ({}): the candidate goes unscored", worldId,
                    slot.map(ref -> ref.label() + " is not a stored house detector").orElse("none is trained yet"));
            return null;
        }
        String model = detector.get().model();
        return new DetectorReading(detector.get().score(text), ModelNames.withoutVersion(model), ModelNames.version(model));
    }

    /** The slot's version run in-process when its artifact is a downloaded ONNX text classifier; null when it is not. */
    private DetectorReading downloaded(ModelRef ref, String text) {
        try {
            Optional<OnnxClassifier> classifier = local.classifier(ref);
            if (classifier.isEmpty()) {
                return null;
            }
            return new DetectorReading(DetectorLabels.machineLikeness(classifier.get().classify(text)), ref.modelId(),
                    ref.version());
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.warn("Detector {} cannot serve: {}", ref.label(), e.getMessage());
            return null;
        }
    }
}
