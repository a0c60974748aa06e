package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/** One acquisition by id. Answers an optional {@link AcquisitionView}; empty when unknown or not visible. */
public record FindAcquisition(String acquisitionId,
        Actor viewer) {
}
