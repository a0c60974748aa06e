package io.storyteller.domain.validation;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;

/**
 * Validation decides which model versions may be promoted and runs models on the platform's
 * hardware, so suites, validations and their records are for platform admins (and the platform
 * itself) only.
 */
public final class ValidationAuthority {

    private ValidationAuthority() {
    }

    public static Actor require(Actor actor) {
        Require.present("actor", actor);
        if (!actor.isPlatformAdmin()) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins validate models and define suites");
        }
        return actor;
    }
}
