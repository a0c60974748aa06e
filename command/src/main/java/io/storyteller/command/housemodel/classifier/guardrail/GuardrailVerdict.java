package io.storyteller.command.housemodel.classifier.guardrail;

import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.safety.RatingPolicy;
import io.storyteller.domain.world.ContentRating;
import java.util.Map;

/**
 * What the guardrail found in one text: the assessment (category → severity, real-world mark),
 * every label's score in [0, 1] ({@code violence>=2}, {@code real-world}, …), and the model
 * version that judged. Record it in the provenance as it is.
 */
public record GuardrailVerdict(HarmAssessment assessment, Map<String, Float> scores, String model) {

    public GuardrailVerdict {
        scores = Map.copyOf(scores);
    }

    /** Category → severity 1..3 for every category found; empty for benign text. */
    public Map<HarmCategory, Integer> severities() {
        return assessment.severities();
    }

    public int severity() {
        return assessment.severity();
    }

    /** The decision at a world's content rating, by {@link RatingPolicy}. */
    public GuardrailDecision decision(ContentRating rating) {
        var breaking = RatingPolicy.breaking(rating, assessment);
        return new GuardrailDecision(rating, breaking.isEmpty(), breaking);
    }

    public boolean allowed(ContentRating rating) {
        return RatingPolicy.allowed(rating, assessment);
    }
}
