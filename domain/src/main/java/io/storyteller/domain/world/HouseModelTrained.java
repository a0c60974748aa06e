package io.storyteller.domain.world;

/** A version of the world's house model was trained and stored. */
public record HouseModelTrained(String worldId,
        HouseModelVersion version) {
}
