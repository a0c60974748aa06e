package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the house guardrail and detector are trained and served ({@code storyteller.house-classifier.*}).
 *
 * @param enabled             train, register and serve the house classifiers
 * @param retrainDelay        pause between two looks at the event log for new flags and texts
 * @param guardrailMinNewFlags admin flags since the last guardrail version that make it stale
 * @param detectorMinNewTexts  human and generated texts since the last detector version that make it stale
 * @param detectorMaxTextsPerLabel newest logged texts of each kind (human, generated) a detector trains on
 * @param guardrailThreshold  score from which a guardrail severity level counts
 * @param reviewerMinNewRatings players' ratings since the last reviewer version that make it stale
 */
@ConfigurationProperties("storyteller.house-classifier")
public record HouseClassifierProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration retrainDelay,
        @DefaultValue("5") int guardrailMinNewFlags,
        @DefaultValue("200") int detectorMinNewTexts,
        @DefaultValue("5000") int detectorMaxTextsPerLabel,
        @DefaultValue("" + HouseGuardrail.DEFAULT_THRESHOLD) double guardrailThreshold,
        @DefaultValue("50") int reviewerMinNewRatings) {

    public HouseClassifierProperties {
        if (retrainDelay == null || retrainDelay.isNegative() || retrainDelay.isZero()) {
            throw new IllegalArgumentException("storyteller.house-classifier.retrain-delay must be positive");
        }
        if (guardrailMinNewFlags < 1 || detectorMinNewTexts < 1 || detectorMaxTextsPerLabel < 1 || reviewerMinNewRatings < 1) {
            throw new IllegalArgumentException("storyteller.house-classifier.*-min-new-* and detector-max-texts-per-label must be at least 1");
        }
        if (!(guardrailThreshold > 0 && guardrailThreshold < 1)) {
            throw new IllegalArgumentException("storyteller.house-classifier.guardrail-threshold must lie in (0, 1)");
        }
    }

    public static HouseClassifierProperties defaults() {
        return new HouseClassifierProperties(true, Duration.ofSeconds(30), 5, 200, 5000, HouseGuardrail.DEFAULT_THRESHOLD, 50);
    }
}
