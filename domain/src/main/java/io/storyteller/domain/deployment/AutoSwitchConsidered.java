package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelRef;

/**
 * A narrator slot took up a discovered candidate for the paid-model auto-switch: the candidate and
 * its {@code stable} model are now evaluated by replaying the slot's recorded player actions (its
 * world's, or all worlds' when {@code worldId} is null), and a {@link DecideAutoSwitch} follows.
 * A slot considers a candidate once.
 */
public record AutoSwitchConsidered(String deploymentId,
        String worldId,
        ModelRef candidate,
        ModelRef stable,
        String consideredBy) {
}
