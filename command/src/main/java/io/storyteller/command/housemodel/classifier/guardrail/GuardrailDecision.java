package io.storyteller.command.housemodel.classifier.guardrail;

import io.storyteller.domain.world.ContentRating;
import java.util.List;

/**
 * Whether a text may be shown in a world of the given rating, and if not, what breaks it: the
 * category keys the rating does not allow at their severity, or {@code real-world}.
 */
public record GuardrailDecision(ContentRating rating, boolean allowed, List<String> breaking) {

    public GuardrailDecision {
        breaking = List.copyOf(breaking);
    }
}
