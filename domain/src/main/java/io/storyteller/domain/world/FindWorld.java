package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;

/** Asks for one world, if the viewer may see it. */
public record FindWorld(String worldId,
        Actor viewer) {
}
