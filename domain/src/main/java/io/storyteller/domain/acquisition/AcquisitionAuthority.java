package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;

/**
 * Acquisition writes to the platform's disk and spends its Hub token, so it is for platform admins
 * (and the platform itself) only.
 */
public final class AcquisitionAuthority {

    private AcquisitionAuthority() {
    }

    public static Actor require(Actor actor) {
        Require.present("actor", actor);
        if (!actor.isPlatformAdmin()) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins acquire models from the Hub");
        }
        return actor;
    }
}
