package io.storyteller.command.housemodel.classifier.guardrail;

import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.world.ContentRating;
import java.util.Map;

/**
 * One labelled text of a guardrail set: what it is ({@code assessment}) and what each rating allows,
 * as the labeller decided it.
 */
public record GuardrailCase(String id, String text, TextSource source, HarmAssessment assessment,
        Map<ContentRating, Boolean> allowed) {

    public GuardrailCase {
        allowed = Map.copyOf(allowed);
    }

    public LabelledText example() {
        return new LabelledText(text, source.tags(), GuardrailLabels.encode(assessment));
    }
}
