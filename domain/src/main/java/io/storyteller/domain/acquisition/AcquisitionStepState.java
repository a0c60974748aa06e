package io.storyteller.domain.acquisition;

import java.time.Instant;

/** One step of an acquisition as shown: {@code state} is PENDING, DONE or FAILED; {@code at} when it ended. */
public record AcquisitionStepState(AcquisitionStep step,
        String state,
        Instant at) {
}
