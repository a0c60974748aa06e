package io.storyteller.command.narration.pipeline;

import io.storyteller.command.housemodel.classifier.guardrail.GuardrailDecision;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailVerdict;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.guardrail.TextSource;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierTraining;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.runtime.ModelNames;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The guardrail stage on the house guardrail: the version the world's {@code guardrail} slot
 * names, else the pinned default version (the first trained, or the one an admin pinned), never
 * simply the newest. It fails closed: when no guardrail can serve, nothing is
 * judged allowed — the turn fails with the reason instead.
 */
public class HouseGuardrailStage implements HarmGuard {

    /** How long a turn waits for the first guardrail of a fresh platform. */
    static final Duration FIRST_TRAINING = Duration.ofSeconds(60);

    private final StageSlots slots;
    private final HouseClassifiers classifiers;
    private final HouseClassifierTraining training;

    public HouseGuardrailStage(StageSlots slots, HouseClassifiers classifiers, HouseClassifierTraining training) {
        this.slots = slots;
        this.classifiers = classifiers;
        this.training = training;
    }

    @Override
    public HarmVerdict check(String worldId, ContentRating rating, String text, Source source) {
        HouseGuardrail guardrail = guardrail(worldId);
        TextSource from = source == Source.PLAYER ? TextSource.PLAYER : TextSource.NARRATION;
        GuardrailVerdict verdict = guardrail.classify(text, from);
        GuardrailDecision decision = verdict.decision(rating);
        Map<String, Integer> severities = new LinkedHashMap<>();
        verdict.severities().forEach((category, severity) -> {
            if (severity > 0) {
                severities.put(category.key(), severity);
            }
        });
        return new HarmVerdict(ModelNames.withoutVersion(guardrail.model()), ModelNames.version(guardrail.model()),
                severities, decision.allowed(), decision.breaking());
    }

    private HouseGuardrail guardrail(String worldId) {
        Optional<ModelRef> slot = slots.stable(UseCase.GUARDRAIL, worldId);
        if (slot.isPresent()) {
            return classifiers.guardrail(slot.get()).orElseThrow(() -> new ModelUnavailableException(
                    "guardrail " + slot.get().label() + " is not available: no house guardrail of that version is stored"));
        }
        Optional<HouseGuardrail> pinned = classifiers.defaultGuardrail();
        if (pinned.isEmpty() && training.awaitFirstPass(FIRST_TRAINING)) {
            pinned = classifiers.defaultGuardrail();
        }
        return pinned.orElseThrow(() -> new ModelUnavailableException(
                "no guardrail is trained yet: nothing can be shown until one is"));
    }
}
