package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a newly trained version of the world's house model. */
public record RecordHouseModelVersion(@TargetAggregateIdentifier String worldId,
        HouseModelVersion version,
        Actor actor) {
}
