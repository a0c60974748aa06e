package io.storyteller.projections.deployment;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.WatchDeployments;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Tells {@link WatchDeployments} subscribers a slot changed, by sending its fresh view; only
 * subscribers who may read deployments get it. Inside a unit of work Axon sends it after the
 * projection's transaction commits.
 */
final class DeploymentUpdates {

    private final QueryUpdateEmitter emitter;

    DeploymentUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    void changed(DeploymentView deployment) {
        emitter.emit(WatchDeployments.class, query -> query.wants(deployment), deployment);
    }
}
