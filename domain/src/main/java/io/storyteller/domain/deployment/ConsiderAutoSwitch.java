package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Offers a discovered chat model's first version to a narrator slot for the paid-model
 * auto-switch. The slot takes it up ({@link AutoSwitchConsidered}) when its stable model is of the
 * same {@code provider}, it was created before the model was discovered ({@code discoveredAt}), no
 * rollout is in progress and it never considered or decided this candidate; otherwise it refuses.
 * {@code worldId} is the slot's world (null for the global slot), checked against its id.
 */
public record ConsiderAutoSwitch(@TargetAggregateIdentifier String deploymentId,
        String worldId,
        ModelRef candidate,
        String provider,
        Instant discoveredAt,
        Actor actor) {
}
