package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Require;

/**
 * Who manages models and deployments: platform admins, the model manager (the meta-manager, who
 * may do nothing else) and the platform itself (discovery, training, rollouts).
 */
public final class ModelAuthority {

    private ModelAuthority() {
    }

    public static Actor require(Actor actor) {
        Require.present("actor", actor);
        if (!actor.isPlatformAdmin() && !actor.has(PlatformRole.MODEL_MANAGER)) {
            throw DomainRejection.forbidden("role:model-manager",
                    "only platform admins, the model manager and the platform manage models and deployments");
        }
        return actor;
    }
}
