package io.storyteller.projections.model;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;

/**
 * Who may read the registry and the deployments: those who may manage them (platform admins, the
 * model manager and the platform itself, as {@code ModelAuthority} decides for commands). To
 * everyone else, players and world admins included, they answer as if there were none.
 */
public final class ModelReaders {

    private ModelReaders() {
    }

    public static boolean mayRead(Actor viewer) {
        return viewer != null && (viewer.isPlatformAdmin() || viewer.has(PlatformRole.MODEL_MANAGER));
    }
}
