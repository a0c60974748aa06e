package io.storyteller.command.validation;

import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailVerdict;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.narration.pipeline.DetectorLabels;
import io.storyteller.command.narration.pipeline.DownloadedGuardrailLabels;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.OnnxClassifier;
import io.storyteller.domain.model.ModelRef;
import java.util.Optional;

/**
 * The classifier a suite runs for a version, as the pipeline's stages would serve it: a stored house
 * classifier version, else a downloaded ONNX classifier (a Hub acquisition) read the way the stages
 * read it — its machine-written labels for the detector, its labels mapped to harm categories for the
 * guardrail. A version that is neither cannot be validated, and says so.
 */
final class SuiteClassifiers {

    private final HouseClassifiers house;
    private final LocalOnnxModels downloaded;
    private final DownloadedGuardrailLabels guardrailLabels;

    SuiteClassifiers(HouseClassifiers house, LocalOnnxModels downloaded, DownloadedGuardrailLabels guardrailLabels) {
        this.house = house;
        this.downloaded = downloaded;
        this.guardrailLabels = guardrailLabels;
    }

    ClassifierSuite.DetectorScores detector(ModelRef model) {
        var stored = house == null ? Optional.<HouseDetector>empty()
                : house.detector(model);
        if (stored.isPresent()) {
            return stored.get()::scores;
        }
        OnnxClassifier classifier = downloaded(model, "detector");
        return texts -> texts.stream().mapToDouble(text -> machineLikeness(model, classifier, text)).toArray();
    }

    ClassifierSuite.GuardrailVerdicts guardrail(ModelRef model) {
        var stored = house == null ? Optional.<HouseGuardrail>empty()
                : house.guardrail(model);
        if (stored.isPresent()) {
            return stored.get()::classify;
        }
        OnnxClassifier classifier = downloaded(model, "guardrail");
        return texts -> texts.stream().map(text -> verdict(model, classifier, text.text())).toList();
    }

    /** A stored house reviewer version; downloaded classifiers serve no reviewer slot. */
    HouseReviewer reviewer(ModelRef model) {
        return (house == null ? Optional.<HouseReviewer>empty() : house.reviewer(model)).orElseThrow(() ->
                new CannotValidateException(model.label() + " is not a house reviewer version stored here"));
    }

    private static double machineLikeness(ModelRef model, OnnxClassifier classifier, String text) {
        try {
            return DetectorLabels.machineLikeness(classifier.classify(text));
        } catch (IllegalArgumentException e) {
            throw new CannotValidateException(model.label() + " cannot serve as a detector: " + e.getMessage());
        }
    }

    private GuardrailVerdict verdict(ModelRef model,
            OnnxClassifier classifier, String text) {
        try {
            return guardrailLabels.verdict(model, classifier.classify(text));
        } catch (RuntimeException e) {
            throw new CannotValidateException(e.getMessage());
        }
    }

    private OnnxClassifier downloaded(ModelRef model, String kind) {
        Optional<OnnxClassifier> classifier;
        try {
            classifier = downloaded == null ? Optional.empty() : downloaded.classifier(model);
        } catch (RuntimeException e) {
            throw new CannotValidateException(model.label() + " cannot run as a " + kind + " here: " + e.getMessage());
        }
        return classifier.orElseThrow(() -> new CannotValidateException(model.label() + " is neither a house " + kind
                + " version stored here nor a downloaded classifier"));
    }
}
