package io.storyteller.command.narration.pipeline;

import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierTraining;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.runtime.ModelNames;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.OnnxClassifier;
import io.storyteller.command.slot.RouteChoice;
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
        return slot.isPresent() ? readWith(slot.get(), worldId, text) : readDefault(worldId, text);
    }

    /** The story's routed detector; in a shadow phase the candidate version reads the text too, never deciding. */
    @Override
    public StageOutcome<DetectorReading> judge(TurnGround ground, String text) {
        Optional<RouteChoice> choice = slots.choice(UseCase.DETECTOR, ground.worldId(), ground.storyId());
        if (choice.isEmpty()) {
            return StageOutcome.unrouted(readDefault(ground.worldId(), text));
        }
        return RoutedJudging.run(UseCase.DETECTOR, choice.get(), ref -> readWith(ref, ground.worldId(), text),
                (call, reading) -> call.scored(reading.score()));
    }

    /** The version's reading: a stored house detector, else a downloaded classifier; null when neither serves. */
    private DetectorReading readWith(ModelRef ref, String worldId, String text) {
        Optional<HouseDetector> detector = classifiers == null ? Optional.empty() : classifiers.detector(ref);
        if (detector.isPresent()) {
            return reading(detector.get(), text);
        }
        DetectorReading downloaded = downloaded(ref, text);
        if (downloaded == null) {
            log.warn("No detector serves world {} ({} is not a stored house detector): the candidate goes unscored",
                    worldId, ref.label());
        }
        return downloaded;
    }

    /** Without a slot: the pinned default, waiting for the first training of a fresh platform. */
    private DetectorReading readDefault(String worldId, String text) {
        if (classifiers == null) {
            return null; // the house detector is off and no slot names one: the candidate goes unscored
        }
        Optional<HouseDetector> detector = classifiers.defaultDetector();
        if (detector.isEmpty() && training.awaitFirstPass(HouseGuardrailStage.FIRST_TRAINING)) {
            detector = classifiers.defaultDetector();
        }
        if (detector.isEmpty()) {
            log.warn("No detector serves world {} (none is trained yet): the candidate goes unscored", worldId);
            return null;
        }
        return reading(detector.get(), text);
    }

    private static DetectorReading reading(HouseDetector detector, String text) {
        String model = detector.model();
        return new DetectorReading(detector.score(text), ModelNames.withoutVersion(model), ModelNames.version(model));
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
