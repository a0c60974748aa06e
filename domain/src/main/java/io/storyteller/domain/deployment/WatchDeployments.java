package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.LiveQuery;

/** Subscribes to the slots: the initial result is a list of {@link DeploymentView}, each update one changed slot. */
public record WatchDeployments(Actor viewer) implements LiveQuery<DeploymentView> {

    /** Every changed slot, to a viewer who may read deployments. */
    @Override
    public boolean wants(DeploymentView update) {
        return AccessPolicy.managesModels(viewer);
    }
}
