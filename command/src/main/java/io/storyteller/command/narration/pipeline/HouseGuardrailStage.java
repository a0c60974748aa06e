package io.storyteller.command.narration.pipeline;

import io.storyteller.command.housemodel.classifier.guardrail.GuardrailDecision;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailVerdict;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.guardrail.TextSource;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierTraining;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.runtime.ModelNames;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.OnnxClassifier;
import io.storyteller.command.slot.RouteChoice;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guardrail stage on the house guardrail: the version the world's {@code guardrail} slot
 * names, else the pinned default version (the first trained, or the one an admin pinned), never
 * simply the newest. A slot may also name a downloaded ONNX text classifier, run in-process and
 * read through {@link DownloadedGuardrailLabels}. It fails closed: when no guardrail can serve,
 * nothing is judged allowed — the turn fails with the reason instead.
 */
public class HouseGuardrailStage implements HarmGuard {

    private static final Logger log = LoggerFactory.getLogger(HouseGuardrailStage.class);

    /** How long a turn waits for the first guardrail of a fresh platform. */
    static final Duration FIRST_TRAINING = Duration.ofSeconds(60);

    private final StageSlots slots;
    private final HouseClassifiers classifiers;
    private final HouseClassifierTraining training;
    private final LocalOnnxModels local;
    private final DownloadedGuardrailLabels downloadedLabels;

    public HouseGuardrailStage(StageSlots slots, HouseClassifiers classifiers, HouseClassifierTraining training) {
        this(slots, classifiers, training, LocalOnnxModels.none(), DownloadedGuardrailProperties.defaults());
    }

    public HouseGuardrailStage(StageSlots slots, HouseClassifiers classifiers, HouseClassifierTraining training,
            LocalOnnxModels local, DownloadedGuardrailProperties downloaded) {
        this.slots = slots;
        this.classifiers = classifiers;
        this.training = training;
        this.local = local;
        this.downloadedLabels = new DownloadedGuardrailLabels(downloaded);
    }

    @Override
    public HarmVerdict check(String worldId, ContentRating rating, String text, Source source) {
        Optional<ModelRef> slot = slots.stable(UseCase.GUARDRAIL, worldId);
        return slot.isPresent() ? verdict(slot.get(), rating, text, source) : verdict(defaultGuardrail(), rating, text, source);
    }

    @Override
    public HarmVerdict checkFor(String worldId, String storyId, ContentRating rating, String text, Source source) {
        Optional<RouteChoice> choice = slots.choice(UseCase.GUARDRAIL, worldId, storyId);
        return choice.isPresent() ? verdict(choice.get().serving(), rating, text, source)
                : verdict(defaultGuardrail(), rating, text, source);
    }

    /**
     * The story's routed guardrail decides; in a shadow phase the candidate version judges the same
     * text beside it, recorded and never deciding. A deciding version that cannot serve fails the turn.
     */
    @Override
    public StageOutcome<HarmVerdict> judge(TurnGround ground, String text) {
        Optional<RouteChoice> choice = slots.choice(UseCase.GUARDRAIL, ground.worldId(), ground.storyId());
        if (choice.isEmpty()) {
            return StageOutcome.unrouted(verdict(defaultGuardrail(), ground.rating(), text, Source.NARRATION));
        }
        return RoutedJudging.run(UseCase.GUARDRAIL, choice.get(),
                ref -> verdict(ref, ground.rating(), text, Source.NARRATION),
                (call, verdict) -> call.blocked(!verdict.allowed()));
    }

    /** The named version's verdict: a stored house guardrail, else a downloaded classifier. */
    private HarmVerdict verdict(ModelRef version, ContentRating rating, String text, Source source) {
        Optional<HouseGuardrail> house = classifiers == null ? Optional.empty() : classifiers.guardrail(version);
        if (house.isPresent()) {
            return verdict(house.get(), rating, text, source);
        }
        OnnxClassifier classifier = downloaded(version).orElseThrow(() -> new ModelUnavailableException(
                "guardrail " + version.label() + " is not available: no house guardrail of that version is stored"
                        + " and it is no downloaded classifier"));
        GuardrailVerdict verdict;
        try {
            verdict = downloadedLabels.verdict(version, classifier.classify(text));
        } catch (IllegalStateException e) {
            throw new ModelUnavailableException("guardrail " + version.label() + " failed to classify", e);
        }
        return harmVerdict(verdict, version.modelId(), version.version(), rating);
    }

    private static HarmVerdict verdict(HouseGuardrail guardrail, ContentRating rating, String text, Source source) {
        TextSource from = source == Source.PLAYER ? TextSource.PLAYER : TextSource.NARRATION;
        return harmVerdict(guardrail.classify(text, from), ModelNames.withoutVersion(guardrail.model()),
                ModelNames.version(guardrail.model()), rating);
    }

    /** One verdict for either kind of guardrail, decided at the rating by the domain's {@code RatingPolicy}. */
    private static HarmVerdict harmVerdict(GuardrailVerdict verdict, String model, String version, ContentRating rating) {
        GuardrailDecision decision = verdict.decision(rating);
        Map<String, Integer> severities = new LinkedHashMap<>();
        verdict.severities().forEach((category, severity) -> {
            if (severity > 0) {
                severities.put(category.key(), severity);
            }
        });
        return new HarmVerdict(model, version, severities, decision.allowed(), decision.breaking());
    }

    /**
     * The version run in-process when its artifact is a downloaded ONNX export; refused when it is no
     * classifier. The loader's own message may name paths, so it goes to the log, not into the reason.
     */
    private Optional<OnnxClassifier> downloaded(ModelRef version) {
        try {
            return local.classifier(version);
        } catch (RuntimeException e) {
            log.warn("Guardrail {} cannot be loaded as a downloaded classifier: {}", version.label(), e.getMessage());
            throw new ModelUnavailableException("guardrail " + version.label()
                    + " cannot serve: its files are no text classifier ONNX Runtime can load", e);
        }
    }

    private HouseGuardrail defaultGuardrail() {
        if (classifiers == null) {
            throw new ModelUnavailableException("no guardrail serves: the house guardrail is off "
                    + "(storyteller.house-classifier.enabled=false) and no GUARDRAIL slot names one");
        }
        Optional<HouseGuardrail> pinned = classifiers.defaultGuardrail();
        if (pinned.isEmpty() && training.awaitFirstPass(FIRST_TRAINING)) {
            pinned = classifiers.defaultGuardrail();
        }
        return pinned.orElseThrow(() -> new ModelUnavailableException(
                "no guardrail is trained yet: nothing can be shown until one is"));
    }
}
