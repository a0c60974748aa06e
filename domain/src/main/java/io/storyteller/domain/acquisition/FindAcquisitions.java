package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/** The latest acquisitions, newest first, at most {@code first}. Answers a list of {@link AcquisitionView}. */
public record FindAcquisitions(int first,
        Actor viewer) {
}
