package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/** A slot's stable model was replaced by hand. */
public record StableModelReplaced(String deploymentId,
        ModelRef stable,
        ModelRef previousStable,
        String reason,
        String replacedBy) {
}
