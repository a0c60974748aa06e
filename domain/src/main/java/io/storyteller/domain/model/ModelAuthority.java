package io.storyteller.domain.model;

import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;

/** Refuses a model or deployment command to anyone {@link AccessPolicy#managesModels} does not allow. */
public final class ModelAuthority {

    private ModelAuthority() {
    }

    public static Actor require(Actor actor) {
        Require.present("actor", actor);
        if (!AccessPolicy.managesModels(actor)) {
            throw DomainRejection.forbidden("role:model-manager",
                    "only platform admins, the model manager and the platform manage models and deployments");
        }
        return actor;
    }
}
