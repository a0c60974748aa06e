package io.storyteller.domain.deployment;

import io.storyteller.domain.model.Quantities;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.time.Duration;

/**
 * How long a rollout shadows before its first canary step: at least {@code duration} and at least
 * {@code mirroredRequests} mirrored calls, whichever are set (one must be). The requests are a
 * sample floor the analysis enforces; the duration is kept by the rollout saga, which analyses
 * the shadow phase first when it has elapsed.
 */
public record ShadowPhase(Duration duration,
        Integer mirroredRequests) {

    public ShadowPhase validated(String field) {
        if (duration == null && mirroredRequests == null) {
            throw DomainRejection.invalid(field, "duration-or-requests",
                    "a shadow phase lasts a duration, a number of mirrored requests, or both");
        }
        return new ShadowPhase(duration == null ? null : Quantities.positive(field + ".duration", duration),
                mirroredRequests == null ? null : Require.range(field + ".mirroredRequests", mirroredRequests, 1, 10_000_000));
    }
}
