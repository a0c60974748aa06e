package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;

/** Fine-tuning spends compute, a provider's money and may swap what narrates: platform admins and the platform only. */
public final class FineTuningAuthority {

    private FineTuningAuthority() {
    }

    public static Actor require(Actor actor) {
        Require.present("actor", actor);
        if (!actor.isPlatformAdmin()) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins fine-tune models");
        }
        return actor;
    }
}
