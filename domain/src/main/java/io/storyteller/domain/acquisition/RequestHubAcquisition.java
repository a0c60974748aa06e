package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks for a Hub repository at a revision to be downloaded, verified and registered; {@code useCase} may be null. */
public record RequestHubAcquisition(@TargetAggregateIdentifier String acquisitionId,
        String repo,
        String revision,
        UseCase useCase,
        Actor actor) {
}
