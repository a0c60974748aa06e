package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;

/**
 * Which downloaded models are best for a use case: the completed acquisitions for it, ranked.
 * Answers a list of {@link AcquiredCandidate}, best first. Platform admins only.
 */
public record FindAcquiredCandidates(UseCase useCase,
        Actor viewer) {
}
