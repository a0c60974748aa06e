package io.storyteller.graphql.deployment;

import io.storyteller.graphql.scalars.IsoDuration;
import io.storyteller.domain.deployment.ShadowPhase;

/** A shadow phase as the API takes it: the duration as an ISO-8601 string. */
public record ShadowPhaseInput(String duration, Integer mirroredRequests) {

    ShadowPhase toShadowPhase(String field) {
        return new ShadowPhase(IsoDuration.parse(field + ".duration", duration), mirroredRequests);
    }
}
