package io.storyteller.domain.world;

import io.storyteller.domain.shared.Actor;

/** Lists the worlds the viewer belongs to (every world for a platform admin). */
public record FindWorlds(Actor viewer) {
}
