package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that every file matched the Hub's digest; {@code digest} is the SHA-256 of the file manifest. */
public record RecordHubVerification(@TargetAggregateIdentifier String acquisitionId,
        String digest,
        Actor actor) {
}
