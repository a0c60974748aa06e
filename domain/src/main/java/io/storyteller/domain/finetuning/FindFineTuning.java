package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;

/** One fine-tuning; answers an optional {@link FineTuningView}, empty when unknown or to anyone but platform admins. */
public record FindFineTuning(String fineTuningId,
        Actor viewer) {
}
