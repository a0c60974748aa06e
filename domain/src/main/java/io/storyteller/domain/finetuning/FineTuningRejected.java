package io.storyteller.domain.finetuning;

import java.util.List;

/** The candidate is not rolled out; the reasons say why not. */
public record FineTuningRejected(String fineTuningId,
        List<String> reasons) {

    public FineTuningRejected {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
