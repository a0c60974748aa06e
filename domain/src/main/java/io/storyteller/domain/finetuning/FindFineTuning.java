package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.LiveQuery;

/** One fine-tuning; answers an optional {@link FineTuningView}, empty when unknown or to anyone but platform admins. */
public record FindFineTuning(String fineTuningId,
        Actor viewer) implements LiveQuery<FineTuningView> {

    /** The fine-tuning's fresh view, to a platform admin. */
    @Override
    public boolean wants(FineTuningView update) {
        return fineTuningId.equals(update.fineTuningId()) && viewer != null && viewer.isPlatformAdmin();
    }
}
