package io.storyteller.domain.world;

/** A member of a world. */
public record WorldMemberView(String userId,
        WorldRole role) {
}
