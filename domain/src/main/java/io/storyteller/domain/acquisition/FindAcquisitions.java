package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;

/**
 * The latest acquisitions, newest first, at most {@code first}. Answers a list of {@link AcquisitionView}.
 *
 * @param status  only those in this state; null: any
 * @param useCase only those meant for this use case; null: any
 */
public record FindAcquisitions(int first,
        Actor viewer,
        AcquisitionStatus status,
        UseCase useCase) {

    public FindAcquisitions(int first, Actor viewer) {
        this(first, viewer, null, null);
    }
}
