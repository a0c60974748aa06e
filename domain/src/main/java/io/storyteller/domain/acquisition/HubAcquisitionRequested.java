package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.UseCase;

/** An acquisition was asked for; {@code useCase} is the slot it is meant for, null when none. */
public record HubAcquisitionRequested(String acquisitionId,
        String repo,
        String revision,
        UseCase useCase,
        String requestedBy) {
}
